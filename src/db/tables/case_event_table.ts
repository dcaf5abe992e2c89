import type { ColumnType, Generated } from "kysely";

/** One entry of a case's timeline. */
export interface CaseEventTable {
  id: Generated<number>;
  case_id: string;
  at: Date;
  /** e.g. `accepted`, `returned`, `note`, `warning`, `escalated`, `webhook_delivery`. */
  kind: string;
  actor: string;
  unit: string | null;
  note: string | null;
  /** True for notes a citizen may see (Open311 status_notes). */
  public: ColumnType<boolean, boolean | undefined, boolean>;
  data: ColumnType<unknown, string | undefined, string>;
}
