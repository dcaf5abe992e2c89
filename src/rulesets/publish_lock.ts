import { sql, type Transaction } from "kysely";
import type { Database } from "../db/database.ts";

/** Advisory-lock key that serializes publishes and rollbacks across all instances. */
const PUBLISH_LOCK = 0x5768_7062; // "Whpb"

/**
 * Takes the transaction-scoped lock every change of the active version holds, so that two
 * publishes (on any instances) never interleave: each sees the version the other activated.
 */
export async function lockPublishing(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`.execute(trx);
}
