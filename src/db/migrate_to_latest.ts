import type { Kysely } from "kysely";
import { FileMigrationProvider, type MigrationResultSet, Migrator } from "kysely/migration";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

/** The absolute path of the repo's `migrations/` folder. */
export const MIGRATIONS_DIR: string = fileURLToPath(new URL("../../migrations", import.meta.url));

/**
 * Runs every pending migration in `migrations/` (dated files, applied in name order). Several
 * instances may start at once: kysely's Migrator takes a lock in the database.
 * Throws with the failing migration's name if one fails.
 */
// deno-lint-ignore no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: MIGRATIONS_DIR }),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}
