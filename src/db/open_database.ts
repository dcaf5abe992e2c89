import type { DatabaseHandle } from "./database_handle.ts";
import { openPglite } from "./open_pglite.ts";
import { openPostgres, type PostgresDriver } from "./open_postgres.ts";

/** Where the data lives. */
export interface DatabaseConfig {
  /** PostgreSQL URL; unset means the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  pgDriver: PostgresDriver;
  poolSize: number;
  queryTimeoutMs: number;
}

/** Opens PostgreSQL when a URL is configured, otherwise the embedded PGlite folder. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return openPostgres({
      url: config.databaseUrl,
      driver: config.pgDriver,
      poolSize: config.poolSize,
      queryTimeoutMs: config.queryTimeoutMs,
    });
  }
  return await openPglite(config.dataDir);
}
