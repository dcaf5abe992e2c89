/** A signed-in browser session; the cookie holds the token, the table only its SHA-256. */
export interface UserSessionTable {
  /** SHA-256 (hex) of the session token. */
  id: string;
  user_id: string;
  /** The per-session token every state-changing request must echo (form field or header). */
  csrf_token: string;
  created_at: Date;
  expires_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}
