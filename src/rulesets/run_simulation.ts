import { type Kysely, sql } from "kysely";
import type { Database } from "../db/database.ts";
import { type CompiledRuleset, compileRuleset } from "../routing/compile_ruleset.ts";
import { decide } from "../routing/decide.ts";
import type { CaseFacts } from "../routing/facts.ts";
import { rulesetContentHash } from "./content_hash.ts";
import { reviewRuleset } from "./review_ruleset.ts";
import { findDraft } from "./ruleset_draft_repository.ts";
import { findActiveVersion } from "./ruleset_version_repository.ts";
import { findSimulation, updateSimulation } from "./simulation_repository.ts";
import type { SimulationResult } from "./simulation_result.ts";
import { SimulationTally } from "./simulation_tally.ts";

/** Tuning of a run. */
export interface RunSimulationOptions {
  /** Cases read per query (keyset page). */
  pageSize?: number;
  /** Stops the run between pages (the simulation is marked failed). */
  signal?: AbortSignal;
  /** Called after every page, e.g. to print progress. */
  onProgress?: (processed: number, total: number) => void;
}

const DEFAULT_PAGE_SIZE = 2_000;
const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/** The columns a replay needs: the facts, the stored owner, the keyset cursor. */
interface CaseRow {
  id: string;
  type: string;
  area_code: string | null;
  grid_code: string | null;
  urgency: "normal" | "urgent";
  channel: string;
  source: string;
  title: string;
  description: string;
  reported_at: Date;
  received_at: Date;
  owner: string;
  cursor_at: string;
}

/**
 * Runs a queued simulation to the end: replays the draft against every stored case received in
 * the period and counts who would own each case, compared with the baseline: the decision of
 * the version active when the run starts (`active`, the default: only the draft's changes show)
 * or the owner stored on the case (`stored`: escalations and manual moves show too).
 *
 * Cases are streamed in pages ordered by `(received_at, id)` with keyset pagination (never all in
 * memory, no OFFSET); progress (`processed` of `total`) is written after every page. Each case
 * is decided as it was received (`now` = its `received_at`). A failure or an abort marks the
 * simulation `failed` with the reason.
 *
 * @example
 * ```ts ignore
 * await runSimulation(db, simulationId, { onProgress: (done, total) => console.log(done, total) });
 * const { result } = (await findSimulation(db, simulationId))!;
 * ```
 */
export async function runSimulation(
  db: Kysely<Database>,
  simulationId: string,
  options: RunSimulationOptions = {},
): Promise<void> {
  const started = performance.now();
  try {
    const simulation = await findSimulation(db, simulationId);
    if (!simulation || simulation.status !== "queued") return;
    const draft = await findDraft(db, simulation.draft_id);
    if (!draft) throw new Error(`draft ${simulation.draft_id} no longer exists`);
    const draftHash = rulesetContentHash(draft.document);
    const compiled = compileRuleset(draft.document, { version: 0, hash: draftHash });
    let baseline: CompiledRuleset | null = null;
    let baselineVersion: number | null = null;
    if (simulation.baseline === "active") {
      const active = await findActiveVersion(db);
      if (!active) throw new Error("there is no active ruleset version to compare with");
      baseline = compileRuleset(active.document, {
        version: active.version,
        hash: active.content_hash,
      });
      baselineVersion = active.version;
    }
    const from = simulation.period_from;
    const to = simulation.period_to;
    const counted = await db.selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("received_at", ">=", from)
      .where("received_at", "<", to)
      .executeTakeFirstOrThrow();
    let total = Number(counted.n);
    await updateSimulation(db, simulationId, {
      status: "running",
      draft_hash: draftHash,
      baseline_version: baselineVersion,
      total,
      processed: 0,
      started_at: new Date(),
      updated_at: new Date(),
    });

    const tally = new SimulationTally();
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    let cursor: { at: string; id: string } | null = null;
    while (true) {
      options.signal?.throwIfAborted();
      // Keyset pagination on (received_at, id). The row comparison alone bounds the start, so
      // the planner walks the index in order even before the table has statistics (PGlite has
      // no autovacuum); the cursor keeps the timestamp as text, as a JS Date would drop the
      // microseconds.
      const after = cursor
        ? sql<
          boolean
        >`(received_at, id) > (cast(${cursor.at} as timestamptz), cast(${cursor.id} as uuid))`
        : sql<
          boolean
        >`(received_at, id) >= (cast(${from} as timestamptz), cast(${NIL_UUID} as uuid))`;
      const query = db.selectFrom("cases")
        .select([
          "id",
          "type",
          "area_code",
          "grid_code",
          "urgency",
          "channel",
          "source",
          "title",
          "description",
          "reported_at",
          "received_at",
          "owner",
          sql<string>`cast(received_at as text)`.as("cursor_at"),
        ])
        .where(after)
        .where("received_at", "<", to);
      const rows: CaseRow[] = await query.orderBy("received_at").orderBy("id").limit(pageSize)
        .execute();
      for (const row of rows) {
        const facts = caseFacts(row);
        const proposed = await decide(compiled, facts, row.received_at);
        const current = baseline
          ? (await decide(baseline, facts, row.received_at)).owner
          : row.owner;
        tally.add(row.id, current, proposed.owner);
      }
      total = Math.max(total, tally.cases);
      await updateSimulation(db, simulationId, {
        processed: tally.cases,
        total,
        updated_at: new Date(),
      });
      options.onProgress?.(tally.cases, total);
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1];
      cursor = { at: last.cursor_at, id: last.id };
    }

    const elapsed = performance.now() - started;
    const result: SimulationResult = {
      period: { from: from.toISOString(), to: to.toISOString() },
      baseline: baselineVersion === null
        ? { kind: "stored" }
        : { kind: "active", version: baselineVersion },
      draft_hash: draftHash,
      draft_errors: reviewRuleset(draft.document).filter((f) => f.severity === "error").length,
      ...tally.counts(),
      elapsed_ms: Math.round(elapsed),
      cases_per_second: elapsed > 0 ? Math.round(tally.cases / (elapsed / 1000)) : tally.cases,
    };
    const now = new Date();
    await updateSimulation(db, simulationId, {
      status: "succeeded",
      processed: tally.cases,
      total: tally.cases,
      result,
      finished_at: now,
      updated_at: now,
    });
  } catch (error) {
    const now = new Date();
    const reason = options.signal?.aborted
      ? "stopped: the service shut down before the simulation finished; start it again"
      : error instanceof Error
      ? error.message
      : String(error);
    await updateSimulation(db, simulationId, {
      status: "failed",
      error: reason,
      finished_at: now,
      updated_at: now,
    }).catch(() => {/* the database is gone too; the job will show as abandoned */});
  }
}

/** The routing facts of a stored case (as intake derived them when it was posted). */
function caseFacts(row: CaseRow): CaseFacts {
  return {
    type: row.type,
    area_code: row.area_code ?? undefined,
    grid_code: row.grid_code ?? undefined,
    urgency: row.urgency,
    channel: row.channel,
    source: row.source,
    text: `${row.title}\n${row.description}`,
    reported_at: row.reported_at.toISOString(),
  };
}
