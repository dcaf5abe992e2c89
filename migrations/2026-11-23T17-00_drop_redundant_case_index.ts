// deno-lint-ignore-file no-explicit-any
import type { Kysely } from "kysely";

/**
 * Drops `cases_received_at_idx` (received_at): `cases_received_at_id_idx` (received_at, id)
 * answers every query the first one did (same leading column, same order), and each index is
 * one more insert per case on the intake path.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("cases_received_at_idx").ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("cases_received_at_idx").on("cases").column("received_at")
    .execute();
}
