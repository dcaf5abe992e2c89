/**
 * Password hashing with argon2id (hash-wasm: WebAssembly, no native code, no extra Deno
 * permissions). Parameters follow the OWASP minimum for argon2id: 19 MiB, 2 passes, 1 lane.
 * Hashes are PHC strings, so they carry their parameters and verify across libraries.
 *
 * @module
 */

import { argon2id, argon2Verify } from "hash-wasm";

/** The argon2id cost used for new hashes. */
export const ARGON2_PARAMS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 };

/** The longest password accepted (hashing cost grows with length; nobody types more). */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * Hashes a password with a fresh random salt.
 *
 * @example
 * ```ts
 * import { hashPassword, verifyPassword } from "./password_hash.ts";
 * const hash = await hashPassword("correct horse battery");
 * hash.startsWith("$argon2id$"); // true
 * await verifyPassword("correct horse battery", hash); // true
 * ```
 */
export async function hashPassword(password: string): Promise<string> {
  return await argon2id({
    password,
    salt: crypto.getRandomValues(new Uint8Array(16)),
    ...ARGON2_PARAMS,
    outputType: "encoded",
  });
}

/** True when `password` matches `hash`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of one verification without a real hash, so that a sign-in for an unknown
 * user takes as long as one with a wrong password (no user-name probing by timing).
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword(crypto.randomUUID());
  await verifyPassword(password, await dummy);
  return false;
}
