import type { ColumnType } from "kysely";

type Json = ColumnType<unknown, string, string>;

/** The append-only decision log; each row's `hash` chains to the previous row's. */
export interface DecisionLogTable {
  seq: ColumnType<number, number, never>;
  case_id: string | null;
  kind: string;
  ruleset_version: number | null;
  ruleset_hash: string | null;
  matched_rules: Json;
  facts: Json;
  outcome: Json;
  reason: Json;
  actor: string;
  request_id: string | null;
  created_at: Date;
  prev_hash: string;
  hash: string;
}
