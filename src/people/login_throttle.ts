/**
 * Sign-in rate limiting per (user name, client address), kept in the database so that every
 * instance counts the same attempts and a restart forgets nothing: after
 * {@link LOGIN_MAX_FAILURES} failures within {@link LOGIN_WINDOW_MS}, that pair is refused for
 * {@link LOGIN_LOCK_MS} without the password being checked. A success clears the count.
 *
 * @module
 */

import { sql } from "kysely";
import type { Queryable } from "../db/database.ts";

/** Failures that lock a (name, address) pair. */
export const LOGIN_MAX_FAILURES = 5;
/** The window failures are counted in. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** How long a locked pair is refused. */
export const LOGIN_LOCK_MS = 15 * 60_000;

/**
 * The throttle key of a sign-in attempt.
 *
 * @example
 * ```ts
 * import { throttleKey } from "./login_throttle.ts";
 * throttleKey(" Li.Hua ", "10.0.0.7"); // "li.hua|10.0.0.7"
 * ```
 */
export function throttleKey(name: string, ip: string | null): string {
  return `${name.trim().toLowerCase().slice(0, 100)}|${ip ?? "unknown"}`;
}

/** Seconds until the key may try again; 0 when it may try now. */
export async function lockedForSeconds(db: Queryable, key: string, now: Date): Promise<number> {
  const row = await db.selectFrom("login_throttle").select("locked_until").where("key", "=", key)
    .executeTakeFirst();
  const until = row?.locked_until?.getTime() ?? 0;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts one failure (atomically, also under concurrent attempts); locks at the limit. */
export async function recordLoginFailure(db: Queryable, key: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const lockUntil = new Date(now.getTime() + LOGIN_LOCK_MS);
  await db.insertInto("login_throttle")
    .values({ key, failures: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql`case when login_throttle.window_started_at < ${windowStart}
          then 1 else login_throttle.failures + 1 end`,
        window_started_at: sql`case when login_throttle.window_started_at < ${windowStart}
          then ${now}::timestamptz else login_throttle.window_started_at end`,
        locked_until: sql`case
          when login_throttle.window_started_at >= ${windowStart}
            and login_throttle.failures + 1 >= ${LOGIN_MAX_FAILURES}
          then ${lockUntil}::timestamptz else login_throttle.locked_until end`,
      })
    )
    .execute();
}

/** Forgets the failures of a key (after a successful sign-in). */
export async function clearLoginFailures(db: Queryable, key: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("key", "=", key).execute();
}
