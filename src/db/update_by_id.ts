import { sql } from "kysely";
import type { Queryable } from "./database.ts";

/** A row change: the row's `id` and the columns to set. */
export type RowPatch = { id: string } & Record<string, unknown>;

/**
 * Applies many row changes to `table` (keyed by its uuid `id`) in one `update ... from
 * jsonb_to_recordset(...)` statement per distinct set of changed columns, whatever the number of
 * rows: the changes travel as one JSON text parameter. `types` gives the SQL type of every
 * column that may be set (names and types are code, never input). A row must appear at most
 * once. Dates travel as ISO 8601 text, so they keep their millisecond.
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
    const columns = key.split(",");
    for (const c of columns) {
      if (!(c in types)) throw new Error(`updateById: no type for ${table}.${c}`);
    }
    const set = sql.join(columns.map((c) => sql`${sql.ref(c)} = v.${sql.ref(c)}`));
    const shape = sql.raw(["id uuid", ...columns.map((c) => `"${c}" ${types[c]}`)].join(", "));
    await sql`update ${sql.table(table)} as t set ${set}
      from jsonb_to_recordset(cast(${JSON.stringify(group)}::text as jsonb)) as v(${shape})
      where t.id = v.id`.execute(db);
  }
}
