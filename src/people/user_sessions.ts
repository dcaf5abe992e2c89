/**
 * Browser sessions, stored in the database so that any instance can check them and an admin can
 * revoke them. The cookie holds a random token; the table holds only its SHA-256, so a copy of
 * the table opens no session.
 *
 * @module
 */

import type { Queryable } from "../db/database.ts";
import { encodeBase64Url } from "../lib/base64url.ts";
import { sha256Hex } from "../lib/sha256.ts";
import type { User } from "./user_repository.ts";
import type { UserRole } from "./user_role.ts";

/** A live session with its user. */
export interface SessionContext {
  /** The stored id (SHA-256 of the token). */
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: Pick<User, "id" | "name" | "role">;
}

/** How often a session's `last_seen_at` is written at most. */
const TOUCH_EVERY_MS = 60_000;

function randomToken(): string {
  return encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * Opens a session for a signed-in user; returns the token for the cookie (the only copy).
 *
 * @example
 * ```ts ignore
 * const { token } = await createSession(db, { userId: user.id, ip, userAgent }, now, 12 * 3600_000);
 * ```
 */
export async function createSession(
  db: Queryable,
  who: { userId: string; ip: string | null; userAgent: string | null },
  now: Date,
  ttlMs: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.insertInto("user_sessions").values({
    id: sha256Hex(token),
    user_id: who.userId,
    csrf_token: csrfToken,
    created_at: now,
    expires_at: expiresAt,
    last_seen_at: now,
    revoked_at: null,
    ip: who.ip,
    user_agent: who.userAgent?.slice(0, 300) ?? null,
  }).execute();
  return { token, csrfToken, expiresAt };
}

/**
 * The live session a cookie token opens: not revoked, not expired, its user not disabled.
 * Notes the time it was last used (at most once a minute).
 */
export async function findSession(
  db: Queryable,
  token: string,
  now: Date,
): Promise<SessionContext | undefined> {
  if (token.length === 0 || token.length > 200) return undefined;
  const id = sha256Hex(token);
  const row = await db.selectFrom("user_sessions")
    .innerJoin("users", "users.id", "user_sessions.user_id")
    .select([
      "user_sessions.id as session_id",
      "user_sessions.csrf_token",
      "user_sessions.expires_at",
      "user_sessions.last_seen_at",
      "users.id as user_id",
      "users.name",
      "users.role",
    ])
    .where("user_sessions.id", "=", id)
    .where("user_sessions.revoked_at", "is", null)
    .where("user_sessions.expires_at", ">", now)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable("user_sessions").set({ last_seen_at: now }).where("id", "=", id)
      .execute();
  }
  return {
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    user: { id: row.user_id, name: row.name, role: row.role as UserRole },
  };
}

/** Ends one session (sign-out). */
export async function revokeSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db.updateTable("user_sessions").set({ revoked_at: now })
    .where("id", "=", sessionId).where("revoked_at", "is", null).execute();
}

/** Ends every session of a user (role change, new password, disabled); returns how many. */
export async function revokeUserSessions(
  db: Queryable,
  userId: string,
  now: Date,
): Promise<number> {
  const result = await db.updateTable("user_sessions").set({ revoked_at: now })
    .where("user_id", "=", userId).where("revoked_at", "is", null)
    .where("expires_at", ">", now).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Live sessions per user id, for the users page. */
export async function countLiveSessions(db: Queryable, now: Date): Promise<Map<string, number>> {
  const rows = await db.selectFrom("user_sessions")
    .select(["user_id", (eb) => eb.fn.countAll().as("n")])
    .where("revoked_at", "is", null).where("expires_at", ">", now)
    .groupBy("user_id").execute();
  return new Map(rows.map((row) => [row.user_id, Number(row.n)]));
}

/** Deletes sessions that ended more than `keepMs` ago (housekeeping at sign-in). */
export async function deleteOldSessions(db: Queryable, now: Date, keepMs: number): Promise<void> {
  const before = new Date(now.getTime() - keepMs);
  await db.deleteFrom("user_sessions").where((eb) =>
    eb.or([eb("expires_at", "<", before), eb("revoked_at", "<", before)])
  ).execute();
}
