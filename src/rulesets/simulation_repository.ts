import type { Queryable } from "../db/database.ts";
import { jsonb } from "../db/jsonb.ts";
import type { SimulationBaseline, SimulationStatus } from "../db/tables/simulation_table.ts";
import type { SimulationResult } from "./simulation_result.ts";

/** A simulation job as stored. */
export interface Simulation {
  id: string;
  draft_id: string;
  draft_hash: string;
  baseline: SimulationBaseline;
  baseline_version: number | null;
  period_from: Date;
  period_to: Date;
  status: SimulationStatus;
  processed: number;
  total: number;
  result: SimulationResult | null;
  error: string | null;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}

/** Stores a new simulation job. */
export async function insertSimulation(db: Queryable, simulation: Simulation): Promise<void> {
  await db.insertInto("simulations")
    .values({ ...simulation, result: simulation.result ? jsonb(simulation.result) : null })
    .execute();
}

/** One simulation, or `undefined`. */
export async function findSimulation(
  db: Queryable,
  id: string,
): Promise<Simulation | undefined> {
  const row = await db.selectFrom("simulations").selectAll().where("id", "=", id)
    .executeTakeFirst();
  return row && { ...row, result: (row.result ?? null) as SimulationResult | null };
}

/** The simulations of a draft, newest first (results included). */
export async function listSimulations(db: Queryable, draftId: string): Promise<Simulation[]> {
  const rows = await db.selectFrom("simulations").selectAll().where("draft_id", "=", draftId)
    .orderBy("created_at", "desc").orderBy("id").execute();
  return rows.map((row) => ({ ...row, result: (row.result ?? null) as SimulationResult | null }));
}

/** Changes a simulation's progress or outcome. */
export async function updateSimulation(
  db: Queryable,
  id: string,
  change: Partial<Omit<Simulation, "id" | "draft_id" | "result">> & {
    result?: SimulationResult | null;
  },
): Promise<void> {
  const { result, ...rest } = change;
  await db.updateTable("simulations")
    .set({ ...rest, ...(result === undefined ? {} : { result: result ? jsonb(result) : null }) })
    .where("id", "=", id)
    .execute();
}

/**
 * Marks simulations that stopped reporting progress (their instance went away) as failed, so
 * that nobody waits for them forever. Returns how many.
 */
export async function failAbandonedSimulations(
  db: Queryable,
  staleBefore: Date,
  now: Date,
): Promise<number> {
  const result = await db.updateTable("simulations")
    .set({
      status: "failed",
      error: "abandoned: the instance running it stopped before it finished; start it again",
      finished_at: now,
      updated_at: now,
    })
    .where("status", "in", ["queued", "running"])
    .where("updated_at", "<", staleBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
