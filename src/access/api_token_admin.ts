import type { Queryable } from "../db/database.ts";
import type { ApiRole } from "./api_token.ts";

/** An API token as the admin lists it (never the token or its hash). */
export interface ApiTokenListing {
  id: string;
  name: string;
  role: ApiRole;
  unit_code: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

/** Every API token, live ones first, newest first within each group. */
export async function listApiTokens(db: Queryable): Promise<ApiTokenListing[]> {
  const rows = await db.selectFrom("api_tokens")
    .select(["id", "name", "role", "unit_code", "created_at", "revoked_at"])
    .orderBy((eb) => eb.case().when("revoked_at", "is", null).then(0).else(1).end())
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((row) => ({ ...row, role: row.role as ApiRole }));
}

/**
 * Revokes a token; `false` when there is no live token with that id. Instances that verified the
 * token recently keep accepting it until their verifier cache expires (`TokenVerifier`, 30 s).
 */
export async function revokeApiToken(db: Queryable, id: string, now: Date): Promise<boolean> {
  const result = await db.updateTable("api_tokens").set({ revoked_at: now })
    .where("id", "=", id).where("revoked_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
