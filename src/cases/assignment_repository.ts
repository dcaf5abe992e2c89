/**
 * `case_assignments`: who is on a case (lead 主办 / assisting 协办), with their deadlines.
 *
 * @module
 */

import type { Insertable, Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import { insertRecords } from "../db/insert_records.ts";
import type { RecordSet } from "../db/record_set.ts";
import type { CaseAssignmentTable } from "../db/tables/case_assignment_table.ts";

/** A stored assignment. */
export type AssignmentRow = Selectable<CaseAssignmentTable>;

/** States in which an assignment still has deadlines to meet. */
export const LIVE_STATES: readonly AssignmentRow["state"][] = ["assigned", "accepted"];

/** Every assignment of a case, oldest first. */
export async function caseAssignments(db: Queryable, caseId: string): Promise<AssignmentRow[]> {
  return await db.selectFrom("case_assignments").selectAll().where("case_id", "=", caseId)
    .orderBy("seq").execute();
}

/** The columns a new assignment sets, with their SQL types. */
const NEW_ASSIGNMENT_COLUMNS = {
  id: "uuid",
  case_id: "uuid",
  unit: "text",
  role: "text",
  state: "text",
  assigned_at: "timestamptz",
  ended_at: "timestamptz",
  end_reason: "text",
  accept_limit: "text",
  resolve_limit: "text",
  accept_counting: "text",
  resolve_counting: "text",
  accept_by: "timestamptz",
  accept_warn_at: "timestamptz",
  resolve_by: "timestamptz",
  resolve_warn_at: "timestamptz",
  resolve_by_original: "timestamptz",
  uncovered_years: "text",
} as const;

/** New assignments as a record set (for `insertRecords` or a larger statement). */
export function assignmentRecords(rows: readonly Insertable<CaseAssignmentTable>[]): RecordSet {
  return {
    table: "case_assignments",
    columns: NEW_ASSIGNMENT_COLUMNS,
    rows: rows.map((row) => ({ ended_at: null, end_reason: null, uncovered_years: null, ...row })),
  };
}

/** Inserts new assignments (in one statement per 5,000; see `insertRecords`). */
export async function insertAssignments(
  db: Queryable,
  rows: readonly Insertable<CaseAssignmentTable>[],
): Promise<void> {
  await insertRecords(db, assignmentRecords(rows));
}
