import type { Queryable } from "../db/database.ts";
import { overdueNow } from "./overdue_now.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Midnight of `now`'s day in Beijing time (UTC+8), as an instant.
 *
 * @example
 * ```ts
 * import { beijingMidnight } from "./overview_counts.ts";
 * // 01:30 on 23 November in Beijing is still 22 November in UTC.
 * beijingMidnight(new Date("2026-11-22T17:30:00Z")).toISOString(); // "2026-11-22T16:00:00.000Z"
 * ```
 */
export function beijingMidnight(now: Date): Date {
  const local = now.getTime() + BEIJING_OFFSET_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS);
}

/**
 * The admin overview's two numbers: cases received since midnight (Beijing time), and cases past
 * their resolve deadline that are neither resolved nor closed (`overdueNow`).
 *
 * @example
 * ```ts ignore
 * const { receivedToday, overdue } = await overviewCounts(db, new Date());
 * ```
 */
export async function overviewCounts(
  db: Queryable,
  now: Date,
): Promise<{ receivedToday: number; overdue: number }> {
  const today = await db.selectFrom("cases").select((eb) => eb.fn.countAll().as("n"))
    .where("received_at", ">=", beijingMidnight(now)).executeTakeFirstOrThrow();
  const overdue = await overdueNow(db, now, {}, ["total"]);
  return { receivedToday: Number(today.n), overdue: overdue.get("total")!.get("") ?? 0 };
}
