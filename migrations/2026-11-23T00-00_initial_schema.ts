// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * The foundation: ruleset versions, cases, the append-only decision log, API tokens.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("ruleset_versions")
    .addColumn("version", "integer", (c) => c.primaryKey())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("document", "jsonb", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("active_ruleset")
    .addColumn("id", "smallint", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("version", "integer", (c) => c.notNull().references("ruleset_versions.version"))
    .addColumn("activated_at", "timestamptz", (c) => c.notNull())
    .addColumn("activated_by", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("cases")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("external_id", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("area_code", "text")
    .addColumn("grid_code", "text")
    .addColumn("address", "text")
    .addColumn("lat", "double precision")
    .addColumn("lng", "double precision")
    .addColumn("urgency", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("reporter", "jsonb")
    .addColumn("reported_at", "timestamptz", (c) => c.notNull())
    .addColumn("received_at", "timestamptz", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("priority", "text", (c) => c.notNull())
    .addColumn("ruleset_version", "integer", (c) => c.notNull())
    .addColumn("accept_by", "timestamptz", (c) => c.notNull())
    .addColumn("resolve_by", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addUniqueConstraint("cases_source_external_id_key", ["source", "external_id"])
    .execute();
  await db.schema.createIndex("cases_owner_state_idx").on("cases").columns(["owner", "state"])
    .execute();
  await db.schema.createIndex("cases_received_at_idx").on("cases").column("received_at").execute();

  await db.schema
    .createTable("decision_log")
    .addColumn("seq", "bigint", (c) => c.primaryKey())
    .addColumn("case_id", "uuid")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("ruleset_version", "integer")
    .addColumn("ruleset_hash", "text")
    .addColumn("matched_rules", "jsonb", (c) => c.notNull())
    .addColumn("facts", "jsonb", (c) => c.notNull())
    .addColumn("outcome", "jsonb", (c) => c.notNull())
    .addColumn("reason", "jsonb", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("request_id", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex("decision_log_case_id_idx").on("decision_log").column("case_id")
    .execute();
  await db.schema.createIndex("decision_log_created_at_idx").on("decision_log")
    .column("created_at").execute();
  // Append-only: the database itself refuses to change or remove a logged decision.
  await sql`
    create function decision_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'decision_log is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger decision_log_append_only before update or delete on decision_log
    for each row execute function decision_log_refuse_change()`.execute(db);
  await sql`
    create trigger decision_log_no_truncate before truncate on decision_log
    for each statement execute function decision_log_refuse_change()`.execute(db);

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("role", "text", (c) => c.notNull().defaultTo("intake"))
    .addColumn("unit_code", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("revoked_at", "timestamptz")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("api_tokens").execute();
  await db.schema.dropTable("decision_log").execute();
  await sql`drop function decision_log_refuse_change()`.execute(db);
  await db.schema.dropTable("cases").execute();
  await db.schema.dropTable("active_ruleset").execute();
  await db.schema.dropTable("ruleset_versions").execute();
}
