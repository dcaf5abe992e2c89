import type { ApiCaller } from "../../access/api_token.ts";
import type { TokenVerifier } from "../../access/token_verifier.ts";
import { Open311Error } from "../../open311/open311_error.ts";
import { type Open311Params, param } from "../../open311/open311_params.ts";

/** Roles whose tokens may post Open311 requests. */
const POSTING_ROLES = new Set(["intake", "admin"]);

/**
 * The caller behind an Open311 `api_key` (a Whistle API token of role `intake` or `admin`),
 * also accepted as `Authorization: Bearer <token>`. A missing, unknown, revoked or
 * wrong-role key is an {@link Open311Error} 403, as GeoReport v2 specifies.
 */
export async function verifyApiKey(
  tokens: TokenVerifier,
  params: Open311Params,
  authorization: string | undefined,
): Promise<ApiCaller> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  const key = param(params, "api_key") ?? bearer;
  if (key === undefined) {
    throw new Open311Error(403, [
      "api_key was not provided: send a Whistle API token of role intake as api_key",
    ]);
  }
  const caller = await tokens.verify(key);
  if (!caller) throw new Open311Error(403, ["api_key is unknown or revoked"]);
  if (!POSTING_ROLES.has(caller.role)) {
    throw new Open311Error(403, [
      `api_key has role ${caller.role}; posting requests needs role intake (or admin)`,
    ]);
  }
  return caller;
}
