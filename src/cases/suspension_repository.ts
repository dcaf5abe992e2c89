/**
 * `case_suspensions` (挂起): when a case waited for the citizen or an outside party, and why.
 *
 * @module
 */

import type { Insertable, Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { CaseSuspensionTable } from "../db/tables/case_suspension_table.ts";

/** A stored suspension. */
export type SuspensionRow = Selectable<CaseSuspensionTable>;

/** The suspensions of a case, oldest first. */
export async function caseSuspensions(db: Queryable, caseId: string): Promise<SuspensionRow[]> {
  return await db.selectFrom("case_suspensions").selectAll().where("case_id", "=", caseId)
    .orderBy("suspended_at").execute();
}

/** The suspensions of several cases. */
export async function suspensionsOfCases(
  db: Queryable,
  caseIds: readonly string[],
): Promise<SuspensionRow[]> {
  if (caseIds.length === 0) return [];
  return await db.selectFrom("case_suspensions").selectAll().where("case_id", "in", caseIds)
    .orderBy("suspended_at").execute();
}

/** Records a suspension. */
export async function insertSuspension(
  db: Queryable,
  row: Insertable<CaseSuspensionTable>,
): Promise<void> {
  await db.insertInto("case_suspensions").values(row).execute();
}

/** Ends the open suspension of a case. */
export async function endSuspension(
  db: Queryable,
  id: string,
  at: Date,
  by: string,
  note: string | null,
): Promise<void> {
  await db.updateTable("case_suspensions")
    .set({ resumed_at: at, resumed_by: by, resume_note: note })
    .where("id", "=", id).execute();
}
