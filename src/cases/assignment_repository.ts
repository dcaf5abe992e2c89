/**
 * `case_assignments`: who is on a case (lead 主办 / assisting 协办), with their deadlines.
 *
 * @module
 */

import type { Insertable, Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import { insertRecords } from "../db/insert_records.ts";
import type { RecordSet } from "../db/record_set.ts";
import {
  CASE_ASSIGNMENT_COLUMN_TYPES,
  type CaseAssignmentTable,
} from "../db/tables/case_assignment_table.ts";

/** A stored assignment. */
export type AssignmentRow = Selectable<CaseAssignmentTable>;

/** States in which an assignment still has deadlines to meet. */
export const LIVE_STATES: readonly AssignmentRow["state"][] = ["assigned", "accepted"];

/** Every assignment of a case, oldest first. */
export async function caseAssignments(db: Queryable, caseId: string): Promise<AssignmentRow[]> {
  return await db.selectFrom("case_assignments").selectAll().where("case_id", "=", caseId)
    .orderBy("seq").execute();
}

/** The columns a new assignment sets (the others keep their defaults). */
const NEW_ASSIGNMENT_COLUMNS = Object.fromEntries(
  ([
    "id",
    "case_id",
    "unit",
    "role",
    "state",
    "assigned_at",
    "ended_at",
    "end_reason",
    "accept_limit",
    "resolve_limit",
    "accept_counting",
    "resolve_counting",
    "accept_by",
    "accept_warn_at",
    "resolve_by",
    "resolve_warn_at",
    "resolve_by_original",
    "uncovered_years",
  ] as const).map((name) => [name, CASE_ASSIGNMENT_COLUMN_TYPES[name]]),
);

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
