import type { Kysely } from "kysely";
import type { Database } from "./database.ts";
import type { ListenOptions, NotificationListener } from "./pg_listener.ts";

/** Which engine a handle talks to. */
export type DatabaseKind = "pglite" | "postgres";

/** An open database and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where it lives, for logs (never a password). */
  location: string;
  close(): Promise<void>;
  /**
   * The pool's connections (open, idle, queries waiting), for metrics; present on PostgreSQL
   * through node-postgres only.
   */
  poolStats?(): { total: number; idle: number; waiting: number };
  /**
   * PostgreSQL only: calls `onNotify` with the payload of every NOTIFY on `channel`, over a
   * dedicated connection that reconnects by itself (see `listenPostgres`). Absent on PGlite,
   * where one process owns the database and needs no messages from others.
   */
  listen?(
    channel: string,
    onNotify: (payload: string) => void,
    options?: ListenOptions,
  ): NotificationListener;
}
