import type { Kysely } from "kysely";
import type { Database } from "../db/database.ts";
import type { SimulationBaseline } from "../db/tables/simulation_table.ts";
import { findDraft } from "./ruleset_draft_repository.ts";
import { simulationJobs } from "./simulation_jobs.ts";
import { insertSimulation, type Simulation } from "./simulation_repository.ts";

/** What to replay: the period of received cases, and what to compare with. */
export interface SimulationRequest {
  from: Date;
  to: Date;
  baseline: SimulationBaseline;
}

/** The queued simulation, or why there is none. */
export type StartSimulationOutcome =
  | { status: "started"; simulation: Simulation }
  | { status: "draft_not_found" };

/**
 * Queues a simulation of a draft and starts it in the background on this instance; poll its row
 * (`findSimulation`) for progress and the result. Works for open and published drafts, and for
 * drafts with errors (the result counts them).
 *
 * @example
 * ```ts ignore
 * const now = new Date();
 * const started = await startSimulation(db, draftId, {
 *   from: new Date(now.getTime() - 30 * 86_400_000), to: now, baseline: "active",
 * }, { actor: "token:policy" });
 * ```
 */
export async function startSimulation(
  db: Kysely<Database>,
  draftId: string,
  request: SimulationRequest,
  meta: { actor: string },
): Promise<StartSimulationOutcome> {
  const draft = await findDraft(db, draftId);
  if (!draft) return { status: "draft_not_found" };
  const now = new Date();
  const simulation: Simulation = {
    id: crypto.randomUUID(),
    draft_id: draft.id,
    draft_hash: draft.content_hash,
    baseline: request.baseline,
    baseline_version: null,
    period_from: request.from,
    period_to: request.to,
    status: "queued",
    processed: 0,
    total: 0,
    result: null,
    error: null,
    created_by: meta.actor,
    created_at: now,
    started_at: null,
    finished_at: null,
    updated_at: now,
  };
  await insertSimulation(db, simulation);
  simulationJobs(db).start(simulation.id);
  return { status: "started", simulation };
}
