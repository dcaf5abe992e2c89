import { encodeBase64Url } from "../lib/base64url.ts";
import { sha256Hex } from "../lib/sha256.ts";
import type { Queryable } from "../db/database.ts";
import { type ApiRole, TOKEN_PREFIX } from "./api_token.ts";

/**
 * Creates an API token for an upstream system and returns it; only its SHA-256 is stored, so the
 * returned text is the only copy.
 */
export async function createApiToken(
  db: Queryable,
  options: { name: string; role?: ApiRole; unitCode?: string | null },
  now: Date,
): Promise<{ id: string; token: string }> {
  const token = TOKEN_PREFIX + encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const id = crypto.randomUUID();
  await db
    .insertInto("api_tokens")
    .values({
      id,
      name: options.name,
      token_hash: sha256Hex(token),
      role: options.role ?? (options.unitCode ? "unit" : "intake"),
      unit_code: options.unitCode ?? null,
      created_at: now,
      revoked_at: null,
    })
    .execute();
  return { id, token };
}
