import type { Queryable } from "../db/database.ts";
import { sha256Hex } from "../lib/sha256.ts";
import { type ApiCaller, type ApiRole, TOKEN_PREFIX } from "./api_token.ts";

/**
 * Checks bearer tokens against the stored hashes, remembering answers for `ttlMs` so intake does
 * not query the database on every request. A revoked token stops working within `ttlMs`.
 */
export class TokenVerifier {
  #cache = new Map<string, { caller: ApiCaller | null; until: number }>();

  constructor(
    private readonly db: Queryable,
    private readonly ttlMs = 30_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The caller a token belongs to, or `null` for an unknown or revoked token. */
  async verify(token: string): Promise<ApiCaller | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    const hash = sha256Hex(token);
    const cached = this.#cache.get(hash);
    const now = this.clock();
    if (cached && cached.until > now) return cached.caller;
    const row = await this.db
      .selectFrom("api_tokens")
      .select(["id", "name", "role", "unit_code"])
      .where("token_hash", "=", hash)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    const caller: ApiCaller | null = row
      ? { tokenId: row.id, name: row.name, role: row.role as ApiRole, unitCode: row.unit_code }
      : null;
    if (this.#cache.size > 10_000) this.#cache.clear();
    // Unknown tokens are remembered briefly only, so a token created a moment ago works at once.
    this.#cache.set(hash, { caller, until: now + (caller ? this.ttlMs : 2_000) });
    return caller;
  }
}
