import type { ColumnType } from "kysely";

/**
 * One unit's stint on a case, as lead (主办) or assisting unit (协办). Deadlines are instants:
 * `resolve_by` is the resolution deadline of a lead and the contribution deadline of an
 * assisting unit; `resolve_by_original` is the same without approved extensions.
 */
export interface CaseAssignmentTable {
  id: string;
  /** Creation order (assignments made in the same instant keep their order). */
  seq: ColumnType<number, never, never>;
  case_id: string;
  unit: string;
  role: "lead" | "assist";
  state: "assigned" | "accepted" | "submitted" | "resolved" | "ended";
  assigned_at: Date;
  accepted_at: Date | null;
  submitted_at: Date | null;
  resolved_at: Date | null;
  ended_at: Date | null;
  /** returned, escalated, reassigned, removed, waived, promoted, closed. */
  end_reason: string | null;
  end_note: string | null;
  accept_limit: string;
  resolve_limit: string;
  accept_counting: "calendar" | "working";
  resolve_counting: "calendar" | "working";
  accept_by: Date;
  accept_warn_at: Date;
  resolve_by: Date;
  resolve_warn_at: Date;
  resolve_by_original: Date;
  extension_seconds: ColumnType<number, number | undefined, number>;
  extensions_granted: ColumnType<number, number | undefined, number>;
  /**
   * Years without a holiday calendar its working-time deadlines cross, comma-separated
   * (`2027`); null when none.
   */
  uncovered_years: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the unit was warned about each limit; a warning is planned only while null. */
  accept_warned_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  resolve_warned_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /**
   * When a limit passed with no unit above to escalate to (the top of the chain): the breach is
   * recorded once and not escalated again.
   */
  accept_breached_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  resolve_breached_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/**
 * The SQL type of every column of `case_assignments` but the generated `seq`, for statements that
 * send rows as JSON (`recordsJson`, `selectRecords`, `updateById`). Checked against
 * {@link CaseAssignmentTable}: a column added there must be added here.
 */
export const CASE_ASSIGNMENT_COLUMN_TYPES = {
  id: "uuid",
  case_id: "uuid",
  unit: "text",
  role: "text",
  state: "text",
  assigned_at: "timestamptz",
  accepted_at: "timestamptz",
  submitted_at: "timestamptz",
  resolved_at: "timestamptz",
  ended_at: "timestamptz",
  end_reason: "text",
  end_note: "text",
  accept_limit: "text",
  resolve_limit: "text",
  accept_counting: "text",
  resolve_counting: "text",
  accept_by: "timestamptz",
  accept_warn_at: "timestamptz",
  resolve_by: "timestamptz",
  resolve_warn_at: "timestamptz",
  resolve_by_original: "timestamptz",
  extension_seconds: "integer",
  extensions_granted: "integer",
  uncovered_years: "text",
  accept_warned_at: "timestamptz",
  resolve_warned_at: "timestamptz",
  accept_breached_at: "timestamptz",
  resolve_breached_at: "timestamptz",
} as const satisfies Record<Exclude<keyof CaseAssignmentTable, "seq">, string>;
