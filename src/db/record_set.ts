import { type RawBuilder, sql } from "kysely";

/**
 * Rows bound for one table, with the SQL type of each column: what `insertRecords()` sends as
 * one JSON parameter and unpacks with `json_to_recordset`. Names and types are code, never
 * input. Dates travel as ISO 8601 text, jsonb columns as JSON.
 */
export interface RecordSet {
  readonly table: string;
  readonly columns: Readonly<Record<string, string>>;
  readonly rows: readonly object[];
}

/**
 * `select <columns> from json_to_recordset(<json>) as v(<column> <type>, ...)`: the rows of a
 * JSON array as a relation with the set's columns, for `insert into ... select`.
 *
 * @example
 * ```ts
 * import { sql } from "kysely";
 * import { selectRecords } from "./record_set.ts";
 * const columns = { case_id: "uuid", kind: "text" };
 * const select = selectRecords(columns, sql`cast(${"[]"}::text as json)`);
 * ```
 */
export function selectRecords(
  columns: Readonly<Record<string, string>>,
  json: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const names = Object.keys(columns);
  const list = sql.join(names.map((name) => sql.ref(name)));
  const types = sql.raw(names.map((name) => `"${name}" ${columns[name]}`).join(", "));
  return sql`select ${list} from json_to_recordset(${json}) as v(${types})`;
}
