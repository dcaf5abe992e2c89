/**
 * `case_extensions` (延期): requests for more time and their decisions.
 *
 * @module
 */

import type { Insertable, Selectable, Updateable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { CaseExtensionTable } from "../db/tables/case_extension_table.ts";

/** A stored extension request. */
export type ExtensionRow = Selectable<CaseExtensionTable>;

/** The extension requests of a case, oldest first. */
export async function caseExtensions(db: Queryable, caseId: string): Promise<ExtensionRow[]> {
  return await db.selectFrom("case_extensions").selectAll().where("case_id", "=", caseId)
    .orderBy("requested_at").orderBy("id").execute();
}

/** Records a request. */
export async function insertExtension(
  db: Queryable,
  row: Insertable<CaseExtensionTable>,
): Promise<void> {
  await db.insertInto("case_extensions").values(row).execute();
}

/** Records the decision on a request. */
export async function updateExtension(
  db: Queryable,
  id: string,
  patch: Updateable<CaseExtensionTable>,
): Promise<void> {
  await db.updateTable("case_extensions").set(patch).where("id", "=", id).execute();
}
