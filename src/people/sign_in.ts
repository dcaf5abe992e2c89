import type { Queryable } from "../db/database.ts";
import {
  clearLoginFailures,
  lockedForSeconds,
  recordLoginFailure,
  throttleKey,
} from "./login_throttle.ts";
import { verifyNothing, verifyPassword } from "./password_hash.ts";
import { findUserForSignIn, type User } from "./user_repository.ts";

/** What a sign-in attempt came to. */
export type SignInOutcome =
  | { status: "ok"; user: User }
  /** Unknown name, wrong password or disabled user: the answer does not say which. */
  | { status: "invalid" }
  /** Too many failures for this name from this address; try again after the pause. */
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Checks a user name and password, under the login throttle (see `login_throttle.ts`). An
 * unknown user costs as much time as a wrong password.
 *
 * @example
 * ```ts ignore
 * const outcome = await signIn(db, { name: "li.hua", password, ip: "10.0.0.7" }, new Date());
 * if (outcome.status === "ok") console.log(outcome.user.role);
 * ```
 */
export async function signIn(
  db: Queryable,
  attempt: { name: string; password: string; ip: string | null },
  now: Date,
): Promise<SignInOutcome> {
  const key = throttleKey(attempt.name, attempt.ip);
  const wait = await lockedForSeconds(db, key, now);
  if (wait > 0) return { status: "throttled", retryAfterSeconds: wait };
  const found = await findUserForSignIn(db, attempt.name);
  const ok = found && !found.disabled_at
    ? await verifyPassword(attempt.password, found.password_hash)
    : await verifyNothing(attempt.password);
  if (!ok || !found) {
    await recordLoginFailure(db, key, now);
    return { status: "invalid" };
  }
  await clearLoginFailures(db, key);
  const { password_hash: _hash, ...user } = found;
  return { status: "ok", user };
}
