import type { Queryable } from "../db/database.ts";

/** When the active ruleset (which defines the Open311 services) was activated; null if none. */
export async function servicesChangeset(db: Queryable): Promise<Date | null> {
  const row = await db.selectFrom("active_ruleset").select("activated_at").executeTakeFirst();
  return row?.activated_at ?? null;
}
