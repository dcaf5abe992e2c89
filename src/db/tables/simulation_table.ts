import type { ColumnType } from "kysely";

/** Where a simulation is. */
export type SimulationStatus = "queued" | "running" | "succeeded" | "failed";

/** What a draft is compared with: the active version's decisions, or the stored owners. */
export type SimulationBaseline = "active" | "stored";

/**
 * A simulation job: a draft replayed against the stored cases of a period, run in the
 * background by the instance that accepted it, polled through the API.
 */
export interface SimulationTable {
  id: string;
  draft_id: string;
  /** Content hash of the draft document simulated (the draft may change afterwards). */
  draft_hash: string;
  baseline: SimulationBaseline;
  /** The active version compared with (baseline `active`), set when the run starts. */
  baseline_version: number | null;
  period_from: Date;
  period_to: Date;
  status: SimulationStatus;
  processed: number;
  total: number;
  result: ColumnType<unknown, string | null, string | null>;
  error: string | null;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  /** Touched with every progress update; a run that stops touching it was abandoned. */
  updated_at: Date;
}
