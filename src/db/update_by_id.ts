import { sql } from "kysely";
import type { Queryable } from "./database.ts";
import { selectRecords } from "./record_set.ts";
import { recordsJson } from "./records_json.ts";

/** A row change: the row's `id` and the columns to set. */
export type RowPatch = { id: string } & Record<string, unknown>;

/**
 * Applies many row changes to `table` (keyed by its uuid `id`) in one `update ... from
 * json_to_recordset(...)` statement per distinct set of changed columns, whatever the number of
 * rows: the changes travel as one JSON text parameter (`recordsJson`, `selectRecords`). `types`
 * gives the SQL type of every column that may be set, e.g. `CASE_COLUMN_TYPES` (names and types
 * are code, never input). A row must appear at most once. Dates travel as ISO 8601 text, so
 * they keep their millisecond.
 *
 * @example
 * ```ts ignore
 * await updateById(trx, "cases", { state: "text", accepted_at: "timestamptz" }, [
 *   { id: a, state: "accepted", accepted_at: now },
 *   { id: b, state: "accepted", accepted_at: now },
 * ]);
 * ```
 */
export async function updateById(
  db: Queryable,
  table: string,
  types: Readonly<Record<string, string>>,
  rows: readonly RowPatch[],
): Promise<void> {
  const groups = new Map<string, RowPatch[]>();
  for (const row of rows) {
    const key = Object.keys(row).filter((c) => c !== "id").sort().join(",");
    if (key === "") continue;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  for (const [key, group] of groups) {
    const columns: Record<string, string> = { id: "uuid" };
    for (const c of key.split(",")) {
      if (!(c in types)) throw new Error(`updateById: no type for ${table}.${c}`);
      columns[c] = types[c];
    }
    const set = sql.join(
      key.split(",").map((c) => sql`${sql.ref(c)} = v.${sql.ref(c)}`),
    );
    const json = recordsJson({ table, columns, rows: group });
    await sql`update ${sql.table(table)} as t set ${set}
      from (${selectRecords(columns, sql`cast(${json}::text as json)`)}) as v
      where t.id = v.id`.execute(db);
  }
}
