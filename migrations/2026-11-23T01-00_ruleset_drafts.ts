// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * Ruleset drafts (private working copies, edited item by item) and simulation jobs (a draft
 * replayed against stored cases), plus the (received_at, id) index simulations page by.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("ruleset_drafts")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("base_version", "integer", (c) => c.references("ruleset_versions.version"))
    .addColumn("document", "jsonb", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'published')`))
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addColumn(
      "published_version",
      "integer",
      (c) => c.references("ruleset_versions.version"),
    )
    .addColumn("published_at", "timestamptz")
    .execute();
  await db.schema.createIndex("ruleset_drafts_updated_at_idx").on("ruleset_drafts")
    .column("updated_at").execute();

  await db.schema
    .createTable("simulations")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn(
      "draft_id",
      "uuid",
      (c) => c.notNull().references("ruleset_drafts.id").onDelete("cascade"),
    )
    .addColumn("draft_hash", "text", (c) => c.notNull())
    .addColumn("baseline", "text", (c) => c.notNull().check(sql`baseline in ('active', 'stored')`))
    .addColumn("baseline_version", "integer")
    .addColumn("period_from", "timestamptz", (c) => c.notNull())
    .addColumn("period_to", "timestamptz", (c) => c.notNull())
    .addColumn(
      "status",
      "text",
      (c) => c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed')`),
    )
    .addColumn("processed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("result", "jsonb")
    .addColumn("error", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("started_at", "timestamptz")
    .addColumn("finished_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("simulations_draft_id_idx").on("simulations").column("draft_id")
    .execute();

  // Simulations stream cases in (received_at, id) order, a page at a time (keyset pagination).
  await db.schema.createIndex("cases_received_at_id_idx").on("cases")
    .columns(["received_at", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("cases_received_at_id_idx").execute();
  await db.schema.dropTable("simulations").execute();
  await db.schema.dropTable("ruleset_drafts").execute();
}
