// deno-lint-ignore-file no-explicit-any
import type { Kysely } from "kysely";

/**
 * What Open311 GeoReport v2 requests carry beyond a JSON case: the answers to the matter type's
 * attributes (`attribute[CODE]`), a photo link (`media_url`) and the jurisdiction's address id
 * (`address_id`). Also an index on `reported_at`, which Open311's `GET requests` filters by
 * (its `requested_datetime`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("cases")
    .addColumn("attributes", "jsonb")
    .addColumn("media_url", "text")
    .addColumn("address_id", "text")
    .execute();
  await db.schema.createIndex("cases_reported_at_idx").on("cases").columns(["reported_at", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("cases_reported_at_idx").execute();
  await db.schema
    .alterTable("cases")
    .dropColumn("attributes")
    .dropColumn("media_url")
    .dropColumn("address_id")
    .execute();
}
