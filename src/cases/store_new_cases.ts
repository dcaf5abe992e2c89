import { CompiledQuery, sql } from "kysely";
import { decisionChainRecords } from "../audit/decision_chain_records.ts";
import type { DecisionEntry } from "../audit/decision_entry.ts";
import type { Queryable } from "../db/database.ts";
import { PREPARED } from "../db/prepared_statements.ts";
import { type RecordSet, selectRecords } from "../db/record_set.ts";
import { recordsJson } from "../db/records_json.ts";

/** What one intake write stores. */
export interface NewCasesWrite {
  /** Rows for `cases`; a row whose (source, external_id) is stored already is skipped. */
  cases: RecordSet;
  /** Rows that belong to the new cases (each with a `case_id`): only the inserted cases' go in. */
  dependents: readonly RecordSet[];
  /** Their decisions, in order: only the inserted cases' are appended to the log. */
  decisions: readonly DecisionEntry[];
}

/**
 * Stores new cases, the rows that hang off them and their decisions in ONE statement, so an
 * intake batch costs one round trip and is atomic without BEGIN/COMMIT: each table's rows come
 * as one JSON parameter (`json_to_recordset`), cases whose (source, external_id) exist are
 * skipped with their dependents and decisions, and the decision log is extended by
 * `decision_log_append()` under the chain lock, which the commit at the statement's end
 * releases. The decisions travel as their canonical JSON text, one per line, so the database
 * parses each once. Resolves with the ids of the cases it inserted.
 *
 * @example
 * ```ts ignore
 * const inserted = await storeNewCases(db, { cases, dependents: [assignments, events], decisions });
 * ```
 */
export async function storeNewCases(db: Queryable, write: NewCasesWrite): Promise<Set<string>> {
  const records = decisionChainRecords(write.decisions);
  const parameters = [
    recordsJson(write.cases),
    ...write.dependents.map((set) => recordsJson(set)),
    records.map((record) => record.case_id ?? "").join(","),
    // Canonical JSON escapes every line break, so a newline cannot occur inside a body.
    records.map((record) => record.body).join("\n"),
  ];
  const { rows } = await db.executeQuery<{ id: string }>(
    CompiledQuery.raw(statementFor(db, write), parameters),
  );
  return new Set(rows.map((row) => row.id));
}

/** The statement's text for each shape of write (tables and columns): built once, not per batch. */
const statements = new Map<string, string>();

function statementFor(db: Queryable, write: NewCasesWrite): string {
  const shape = [write.cases, ...write.dependents]
    .map((set) => `${set.table}(${Object.keys(set.columns).join(",")})`).join(";");
  let text = statements.get(shape);
  if (text === undefined) {
    const compiled = storeStatement(write.cases, write.dependents).compile(db);
    if (compiled.parameters.length !== write.dependents.length + 3) {
      throw new Error("storeNewCases: unexpected parameters");
    }
    text = compiled.sql;
    statements.set(shape, text);
  }
  return text;
}

/** The statement, with a placeholder for each parameter, in the order `storeNewCases` binds. */
function storeStatement(cases: RecordSet, dependentSets: readonly RecordSet[]) {
  const json = () => sql`cast(${""}::text as json)`;
  const names = (set: RecordSet) => sql.join(Object.keys(set.columns).map((name) => sql.ref(name)));
  const newCases = sql`new_cases as (
      insert into ${sql.table(cases.table)} (${names(cases)})
      ${selectRecords(cases.columns, json())}
      on conflict (source, external_id) do nothing
      returning id
    )`;
  // In the order given (serial ids and the assignments' `seq` follow it), whatever join the
  // planner picks for the filter.
  const dependents = dependentSets.map((set, i) => {
    const types = sql.raw(
      Object.entries(set.columns).map(([name, type]) => `"${name}" ${type}`).join(", "),
    );
    return sql`, ${sql.id(`dependent_${i}`)} as (
      insert into ${sql.table(set.table)} (${names(set)})
      select ${names(set)}
      from rows from (json_to_recordset(${json()}) as (${types}))
        with ordinality as r(${names(set)}, ord)
      where r.case_id in (select id from new_cases)
      order by r.ord
      returning 1)`;
  });
  // Read before the decisions go in, so that these inserts run before the chain lock is taken
  // (a data-modifying CTE nobody reads runs at the end of the statement, under the lock).
  const written = dependentSets.length === 0 ? sql`0` : sql.join(
    dependentSets.map((_, i) => sql`(select count(*) from ${sql.id(`dependent_${i}`)})`),
    sql` + `,
  );
  // The text is the same for every batch: prepared once per connection, planned once.
  return sql<{ id: string }>`${sql.raw(PREPARED)}
    with ${newCases}${sql.join(dependents, sql``)},
    written as (select ${written} as n),
    logged as (
      select count(*) as n from decision_log_append(array(
        select d.body
        from unnest(string_to_array(cast(${""} as text), ','),
          string_to_array(cast(${""} as text), E'\n')) with ordinality as d(case_id, body, n)
        where cast(nullif(d.case_id, '') as uuid) in (select id from new_cases)
          and (select n from written) >= 0
        order by d.n
      ))
    )
    select id, (select n from logged) as logged from new_cases`;
}
