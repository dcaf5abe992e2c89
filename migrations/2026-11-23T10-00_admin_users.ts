// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * People of the browser admin: users with a role and an argon2id password hash, their sessions
 * (only the SHA-256 of the session token is stored; revocable, with an expiry), and the login
 * throttle (failed attempts per user name and client address).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn(
      "role",
      "text",
      (c) => c.notNull().check(sql`role in ('admin', 'policy_editor', 'auditor', 'viewer')`),
    )
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addColumn("disabled_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("user_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull())
    .addColumn("revoked_at", "timestamptz")
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("user_sessions_user_id_idx").on("user_sessions").column("user_id")
    .execute();

  await db.schema
    .createTable("login_throttle")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_started_at", "timestamptz", (c) => c.notNull())
    .addColumn("locked_until", "timestamptz")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("login_throttle").execute();
  await db.schema.dropTable("user_sessions").execute();
  await db.schema.dropTable("users").execute();
}
