import type { Bilingual } from "../routing/decision.ts";

/** What a decision-log entry records about one decision. */
export type DecisionKind = "route" | "reroute" | "escalate" | "override" | "publish";

/** A decision about to be logged. */
export interface DecisionEntry {
  case_id: string | null;
  kind: DecisionKind;
  ruleset_version: number | null;
  ruleset_hash: string | null;
  matched_rules: unknown[];
  facts: Record<string, unknown>;
  outcome: Record<string, unknown>;
  reason: Bilingual;
  /** Who caused it: `token:<name>`, `user:<name>`, `system:<job>`. */
  actor: string;
  request_id: string | null;
  created_at: Date;
}

/** A decision as logged: its place in the chain and its hash. */
export interface LoggedDecision extends DecisionEntry {
  seq: number;
  prev_hash: string;
  hash: string;
}

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH: string = "0".repeat(64);
