import type { Kysely } from "kysely";
import type { Database } from "./database.ts";

/** Which engine a handle talks to. */
export type DatabaseKind = "pglite" | "postgres";

/** An open database and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where it lives, for logs (never a password). */
  location: string;
  close(): Promise<void>;
}
