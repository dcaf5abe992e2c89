import { sql } from "kysely";
import type { Queryable } from "./database.ts";

/**
 * Inserts many rows in one statement per `chunk`, sent as a single JSON text parameter and
 * unpacked by `jsonb_to_recordset`: one parameter instead of one per value, so the cost per
 * row stays small on both drivers (dates travel as ISO 8601 text, jsonb columns as JSON).
 * `columns` maps each column to its SQL type; names and types are code, never input.
 *
 * @example
 * ```ts ignore
 * await insertRecords(trx, "case_timers", { case_id: "uuid", kind: "text", due_at: "timestamptz" }, rows);
 * ```
 */
export async function insertRecords(
  db: Queryable,
  table: string,
  columns: Readonly<Record<string, string>>,
  rows: readonly object[],
  chunk = 5000,
): Promise<void> {
  const names = Object.keys(columns);
  const list = sql.join(names.map((name) => sql.ref(name)));
  const types = sql.raw(names.map((name) => `"${name}" ${columns[name]}`).join(", "));
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    await sql`insert into ${sql.table(table)} (${list})
      select ${list} from jsonb_to_recordset(cast(${json}::text as jsonb)) as v(${types})`
      .execute(db);
  }
}
