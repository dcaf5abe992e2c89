/**
 * How instances tell each other that the active ruleset changed.
 *
 * @module
 */

import { sql } from "kysely";
import type { Queryable } from "../db/database.ts";

/** The PostgreSQL NOTIFY channel a publish or rollback announces the new active version on. */
export const RULESET_CHANNEL = "whistle_ruleset";

/**
 * Queues a notification naming the newly active version. Inside a transaction PostgreSQL
 * delivers it only at commit (and never on rollback), so listeners never see a version that
 * is not committed.
 */
export async function notifyActiveVersion(db: Queryable, version: number): Promise<void> {
  await sql`select pg_notify(${RULESET_CHANNEL}, ${String(version)})`.execute(db);
}
