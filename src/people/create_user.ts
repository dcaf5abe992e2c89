import type { Queryable } from "../db/database.ts";
import { hashPassword, MAX_PASSWORD_LENGTH } from "./password_hash.ts";
import { findUserForSignIn, insertUser, type User } from "./user_repository.ts";
import { isUserRole } from "./user_role.ts";

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

/** A user name: lowercase letters, digits, `.`, `_`, `-`; 2 to 64 characters. */
const NAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Why a user could not be created, per field. */
export type UserProblem =
  | { field: "name"; code: "invalid" | "taken" }
  | { field: "role"; code: "invalid" }
  | { field: "password"; code: "too_short" | "too_long" };

/** The user, or what is wrong with the input. */
export type CreateUserOutcome =
  | { ok: true; user: User }
  | { ok: false; problems: UserProblem[] };

/**
 * Checks a password against the length rules; `null` when it is acceptable.
 *
 * @example
 * ```ts
 * import { checkPassword } from "./create_user.ts";
 * checkPassword("short")?.code; // "too_short"
 * ```
 */
export function checkPassword(password: string): UserProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return { field: "password", code: "too_short" };
  if (password.length > MAX_PASSWORD_LENGTH) return { field: "password", code: "too_long" };
  return null;
}

/**
 * Creates a user with an argon2id password hash. The name is trimmed and lowercased.
 *
 * @example
 * ```ts ignore
 * const outcome = await createUser(db, {
 *   name: "li.hua", role: "policy_editor", password: "a long passphrase",
 * }, { actor: "cli", now: new Date() });
 * ```
 */
export async function createUser(
  db: Queryable,
  input: { name: string; role: string; password: string },
  meta: { actor: string; now: Date },
): Promise<CreateUserOutcome> {
  const name = input.name.trim().toLowerCase();
  const problems: UserProblem[] = [];
  if (!NAME.test(name)) problems.push({ field: "name", code: "invalid" });
  if (!isUserRole(input.role)) problems.push({ field: "role", code: "invalid" });
  const password = checkPassword(input.password);
  if (password) problems.push(password);
  if (problems.length === 0 && await findUserForSignIn(db, name)) {
    problems.push({ field: "name", code: "taken" });
  }
  if (problems.length > 0 || !isUserRole(input.role)) return { ok: false, problems };
  const user: User = {
    id: crypto.randomUUID(),
    name,
    role: input.role,
    created_at: meta.now,
    created_by: meta.actor,
    updated_at: meta.now,
    disabled_at: null,
  };
  await insertUser(db, { ...user, password_hash: await hashPassword(input.password) });
  return { ok: true, user };
}
