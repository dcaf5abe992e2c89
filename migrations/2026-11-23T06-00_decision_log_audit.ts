// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * Audit searches over the decision log, and privileges that back the append-only trigger.
 *
 * Every search pages by `seq` (keyset). The indexes let each filter find its rows without
 * walking the whole log, and are chosen for what they cost on the intake path, where every
 * case appends a `route` entry (measured with `bench/audit_export_bench.ts write-cost`):
 *
 * - `kind`: `(kind, seq) WHERE kind <> 'route'`. Routes are the bulk of the log and page fastest
 *   by the primary key itself; the rare kinds (publish, reroute, escalate, override) get an
 *   ordered index that costs a route nothing.
 * - `actor`, `ruleset_version`: `(column, seq)` btrees: a page is an ordered range scan that
 *   stops after `limit` rows, however deep into the log.
 * - `request_id`: a btree over the non-null ids.
 * - `unit`: btrees on `outcome->>'owner'` and `outcome->>'list_owner'` (cheap), plus a GIN index
 *   over `decision_log_units(...)` for the entries that are not plain routes: reroutes,
 *   escalations, overrides, publishes, and routes with assisting units (协办). A search ORs the
 *   three, so a rare unit is a bitmap over three small index scans, and a common one walks the
 *   primary key and stops after `limit`. A GIN over every entry's units measured 30–40 µs per
 *   appended row, more than the rest of the insert; these cost about 5.
 * - `rule`: GIN over `decision_log_rule_names(matched_rules)`, only for entries where some rule
 *   matched. `text[]` (not jsonb containment) so that statistics on the expression (CREATE
 *   STATISTICS) keep per-element frequencies and the planner can tell a rare rule from a common
 *   one.
 * - case and time range: the initial schema's `case_id` and `created_at` indexes.
 *
 * Privileges: `UPDATE`, `DELETE` and `TRUNCATE` on the log are revoked from PUBLIC, so a role
 * the service runs as never gets them through a broad grant; the owner keeps its rights
 * (PostgreSQL cannot revoke them from the owner) and the append-only trigger still refuses it.
 * See README "Audit" for running the service as a role without those rights.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Plain key lookups, not a jsonpath walk over every key: index maintenance runs these for
  // every appended entry they cover (a generic jsonpath/regex version measured 24 µs, this 6).
  await sql`
    create function decision_log_rule_names(matched_rules jsonb) returns text[]
    language sql immutable parallel safe as $$
      select case when jsonb_typeof(matched_rules) = 'array' and matched_rules <> '[]'
        then array(select r->>'name' from jsonb_array_elements(matched_rules) as r
                   where r->>'name' is not null)
        else '{}' end
    $$`.execute(db);
  // The keys that name units, as intake, the case lifecycle and escalation write them. A new
  // key needs a new migration that replaces this function (and reindexes).
  await sql`
    create function decision_log_units(facts jsonb, outcome jsonb, matched_rules jsonb)
    returns text[] language sql immutable parallel safe as $$
      select array_remove(array[
          outcome->>'owner', outcome->>'list_owner', outcome->>'from_owner',
          outcome->>'previous_owner', outcome->>'returned_unit', outcome->>'from_unit',
          outcome->>'to_unit', facts->>'unit'
        ], null)
        || case when jsonb_typeof(facts->'exclude') = 'array'
             then array(select jsonb_array_elements_text(facts->'exclude')) else '{}' end
        || case when jsonb_typeof(outcome->'exclude') = 'array'
             then array(select jsonb_array_elements_text(outcome->'exclude')) else '{}' end
        || case when jsonb_typeof(outcome->'removed_units') = 'array'
             then array(select jsonb_array_elements_text(outcome->'removed_units')) else '{}' end
        || case when jsonb_typeof(outcome->'assisting_units') = 'array'
             then array(select jsonb_array_elements_text(outcome->'assisting_units')) else '{}' end
        || case when jsonb_typeof(outcome->'assisting') = 'array' and outcome->'assisting' <> '[]'
             then array(select a->>'unit' from jsonb_array_elements(outcome->'assisting') as a
                        where a->>'unit' is not null)
             else '{}' end
        || case when jsonb_typeof(matched_rules) = 'array' and matched_rules <> '[]'
             then array(select r->'event'->'params'->>'owner'
                        from jsonb_array_elements(matched_rules) as r
                        where r->'event'->>'type' = 'assign'
                          and r->'event'->'params'->>'owner' is not null)
             else '{}' end
    $$`.execute(db);

  await sql`create index decision_log_kind_seq_idx on decision_log (kind, seq)
    where kind <> 'route'`.execute(db);
  await db.schema.createIndex("decision_log_actor_seq_idx").on("decision_log")
    .columns(["actor", "seq"]).execute();
  await db.schema.createIndex("decision_log_ruleset_version_seq_idx").on("decision_log")
    .columns(["ruleset_version", "seq"]).execute();
  await sql`create index decision_log_request_id_idx on decision_log (request_id)
    where request_id is not null`.execute(db);
  await sql`create index decision_log_owner_idx on decision_log ((outcome->>'owner'))`
    .execute(db);
  await sql`create index decision_log_list_owner_idx on decision_log ((outcome->>'list_owner'))`
    .execute(db);
  await sql`create index decision_log_units_idx on decision_log
    using gin (decision_log_units(facts, outcome, matched_rules))
    where kind <> 'route' or outcome->'assisting' <> '[]'::jsonb`.execute(db);
  await sql`create index decision_log_rule_names_idx on decision_log
    using gin (decision_log_rule_names(matched_rules)) where matched_rules <> '[]'::jsonb`
    .execute(db);
  // The planner ignores the statistics of partial indexes; these give it per-element statistics
  // of both lists over the whole table, so it walks the primary key for a common rule or unit
  // and uses the GIN index for a rare one (measured: 1.2 s against 1.3 ms for a rule in 13% of
  // the entries).
  await sql`create statistics decision_log_rule_names_stats
    on (decision_log_rule_names(matched_rules)) from decision_log`.execute(db);
  await sql`create statistics decision_log_units_stats
    on (decision_log_units(facts, outcome, matched_rules)) from decision_log`.execute(db);

  await sql`revoke update, delete, truncate on decision_log from public`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (
    const index of [
      "decision_log_rule_names_idx",
      "decision_log_units_idx",
      "decision_log_list_owner_idx",
      "decision_log_owner_idx",
      "decision_log_request_id_idx",
      "decision_log_ruleset_version_seq_idx",
      "decision_log_actor_seq_idx",
      "decision_log_kind_seq_idx",
    ]
  ) {
    await db.schema.dropIndex(index).execute();
  }
  await sql`drop statistics decision_log_units_stats`.execute(db);
  await sql`drop statistics decision_log_rule_names_stats`.execute(db);
  await sql`drop function decision_log_units(jsonb, jsonb, jsonb)`.execute(db);
  await sql`drop function decision_log_rule_names(jsonb)`.execute(db);
}
