/** A bearer token for upstream systems; only the SHA-256 of the token is stored. */
export interface ApiTokenTable {
  id: string;
  name: string;
  token_hash: string;
  /** What the token may do; see `ApiRole`. */
  role: string;
  /** When set, the token acts only on this unit's cases. */
  unit_code: string | null;
  created_at: Date;
  revoked_at: Date | null;
}
