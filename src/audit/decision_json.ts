import type { Bilingual } from "../routing/decision.ts";
import type { LoggedDecision } from "./decision_entry.ts";
import { hashedFields } from "./hashed_fields.ts";

/** A decision-log entry as JSON answers and JSONL exports carry it. */
export interface DecisionJson {
  seq: number;
  case_id: string | null;
  kind: string;
  ruleset_version: number | null;
  ruleset_hash: string | null;
  matched_rules: unknown[];
  facts: Record<string, unknown>;
  outcome: Record<string, unknown>;
  reason: Bilingual;
  actor: string;
  request_id: string | null;
  /** ISO 8601, UTC. */
  created_at: string;
  prev_hash: string;
  hash: string;
}

/** The JSON form of an entry: the same fields, in a fixed order, with the time as ISO 8601. */
export function decisionJson(entry: LoggedDecision): DecisionJson {
  return { seq: entry.seq, ...hashedFields(entry), prev_hash: entry.prev_hash, hash: entry.hash };
}
