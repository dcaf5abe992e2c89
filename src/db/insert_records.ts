import { sql } from "kysely";
import type { Queryable } from "./database.ts";
import { type RecordSet, selectRecords } from "./record_set.ts";
import { recordsJson } from "./records_json.ts";

/**
 * Inserts a record set in one statement per `chunk` rows, each sent as a single JSON text
 * parameter and unpacked by `json_to_recordset`: one parameter instead of one per value, so the
 * cost per row stays small on both drivers.
 *
 * @example
 * ```ts ignore
 * await insertRecords(trx, { table: "case_timers", columns: { case_id: "uuid", kind: "text",
 *   due_at: "timestamptz" }, rows });
 * ```
 */
export async function insertRecords(db: Queryable, set: RecordSet, chunk = 5000): Promise<void> {
  const list = sql.join(Object.keys(set.columns).map((name) => sql.ref(name)));
  for (let i = 0; i < set.rows.length; i += chunk) {
    const json = recordsJson(set, i, i + chunk);
    await sql`insert into ${sql.table(set.table)} (${list})
      ${selectRecords(set.columns, sql`cast(${json}::text as json)`)}`.execute(db);
  }
}
