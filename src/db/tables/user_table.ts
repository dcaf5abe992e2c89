/** A person who signs in to the browser admin. */
export interface UserTable {
  id: string;
  /** Login name, lowercase, unique. */
  name: string;
  /** `admin`, `policy_editor`, `auditor` or `viewer`; see `UserRole`. */
  role: string;
  /** argon2id, PHC string format (`$argon2id$v=19$m=…`). */
  password_hash: string;
  created_at: Date;
  /** `cli` or `user:<name>`. */
  created_by: string;
  updated_at: Date;
  /** A disabled user cannot sign in; their sessions are revoked. */
  disabled_at: Date | null;
}
