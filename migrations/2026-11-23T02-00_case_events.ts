// deno-lint-ignore-file no-explicit-any
import type { Kysely } from "kysely";

/**
 * The timeline of a case (全程留痕): every transition, note, warning and delivery attempt, in
 * order. Decisions that change the owner are also in the decision log; this is the case's own
 * history, including what is not a routing decision. `public` notes are what a citizen may see
 * (Open311 `status_notes`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("case_events")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("case_id", "uuid", (c) => c.notNull().references("cases.id"))
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("unit", "text")
    .addColumn("note", "text")
    .addColumn("public", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("data", "jsonb", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db.schema.createIndex("case_events_case_id_idx").on("case_events").columns([
    "case_id",
    "id",
  ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("case_events").execute();
}
