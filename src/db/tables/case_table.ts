import type { ColumnType } from "kysely";

/** A citizen case, with its current owner and deadlines. */
export interface CaseTable {
  id: string;
  source: string;
  external_id: string;
  type: string;
  title: string;
  description: string;
  area_code: string | null;
  grid_code: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  urgency: "normal" | "urgent";
  channel: string;
  /** Personal data of the citizen (name, phone, email); never in the decision log. */
  reporter: ColumnType<unknown, string | null, string | null>;
  reported_at: Date;
  received_at: Date;
  state: string;
  owner: string;
  priority: "normal" | "urgent";
  ruleset_version: number;
  accept_by: Date;
  resolve_by: Date;
  updated_at: ColumnType<Date, Date, Date>;
  /** Answers to the matter type's Open311 attributes, by attribute code; null when none. */
  attributes: ColumnType<unknown, string | null | undefined, string | null>;
  /** A photo or document link the reporter sent (Open311 `media_url`). */
  media_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** The jurisdiction's address id (Open311 `address_id`). */
  address_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the lead accepted (签收), resolved (办结), and the case was closed (反馈核查). */
  accepted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  resolved_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The citizen's feedback on close: satisfied, basic or unsatisfied. */
  satisfaction: ColumnType<string | null, string | null | undefined, string | null>;
  return_count: ColumnType<number, number | undefined, number>;
  escalation_count: ColumnType<number, number | undefined, number>;
  reopen_count: ColumnType<number, number | undefined, number>;
}

/**
 * The SQL type of every column of `cases`, for statements that send rows as JSON
 * (`recordsJson`, `selectRecords`, `updateById`). Checked against {@link CaseTable}: a column
 * added there must be added here.
 */
export const CASE_COLUMN_TYPES = {
  id: "uuid",
  source: "text",
  external_id: "text",
  type: "text",
  title: "text",
  description: "text",
  area_code: "text",
  grid_code: "text",
  address: "text",
  lat: "double precision",
  lng: "double precision",
  urgency: "text",
  channel: "text",
  reporter: "jsonb",
  reported_at: "timestamptz",
  received_at: "timestamptz",
  state: "text",
  owner: "text",
  priority: "text",
  ruleset_version: "integer",
  accept_by: "timestamptz",
  resolve_by: "timestamptz",
  updated_at: "timestamptz",
  attributes: "jsonb",
  media_url: "text",
  address_id: "text",
  accepted_at: "timestamptz",
  resolved_at: "timestamptz",
  closed_at: "timestamptz",
  satisfaction: "text",
  return_count: "integer",
  escalation_count: "integer",
  reopen_count: "integer",
} as const satisfies Record<keyof CaseTable, string>;
