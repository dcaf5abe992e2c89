/**
 * Bytes as unpadded base64url text.
 *
 * @example
 * ```ts
 * import { encodeBase64Url } from "./base64url.ts";
 * encodeBase64Url(new Uint8Array([255, 254])); // "__4"
 * ```
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}
