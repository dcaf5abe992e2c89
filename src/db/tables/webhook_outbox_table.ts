import type { ColumnType, Generated } from "kysely";

/** A notice to a unit's webhook, written with the change it reports, delivered at least once. */
export interface WebhookOutboxTable {
  id: Generated<number>;
  case_id: string;
  unit: string;
  url: string;
  /** assigned, escalated, reopened. */
  event: string;
  payload: ColumnType<unknown, string, string>;
  created_at: Date;
  next_attempt_at: Date;
  attempts: ColumnType<number, number | undefined, number>;
  delivered_at: Date | null;
  gave_up_at: Date | null;
  last_error: string | null;
}
