import type { ColumnType } from "kysely";

/** An immutable version of the ruleset document. */
export interface RulesetVersionTable {
  version: number;
  content_hash: string;
  document: ColumnType<unknown, string, never>;
  author: string;
  note: string;
  created_at: Date;
}

/** The single row naming the active version. */
export interface ActiveRulesetTable {
  id: ColumnType<number, 1, never>;
  version: number;
  activated_at: Date;
  activated_by: string;
}
