import type { SimulationCounts } from "./simulation_tally.ts";

/** What a finished simulation reports. */
export interface SimulationResult extends SimulationCounts {
  period: { from: string; to: string };
  /** What the draft was compared with. */
  baseline: { kind: "active"; version: number } | { kind: "stored" };
  draft_hash: string;
  /** Errors in the draft when it was simulated (it could not be published like this). */
  draft_errors: number;
  elapsed_ms: number;
  cases_per_second: number;
}
