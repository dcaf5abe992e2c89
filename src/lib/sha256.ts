import { createHash } from "node:crypto";

/**
 * The SHA-256 of a text, as lowercase hex.
 *
 * @example
 * ```ts
 * import { sha256Hex } from "./sha256.ts";
 * sha256Hex("abc").slice(0, 8); // "ba7816bf"
 * ```
 */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
