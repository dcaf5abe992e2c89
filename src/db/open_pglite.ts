import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect } from "kysely";
import type { Database } from "./database.ts";
import type { DatabaseHandle } from "./database_handle.ts";
import { lockDataDir } from "./data_dir_lock.ts";

const INT8 = 20;

/**
 * Opens the embedded PGlite database kept in `dataDir` (the folder is created on first use and
 * locked for this process), or an in-memory one when `dataDir` is `null` (tests).
 * `loadDataDir` starts from a dumped template instead of an initdb.
 */
export async function openPglite(
  dataDir: string | null,
  options: { loadDataDir?: Blob } = {},
): Promise<DatabaseHandle & { pglite: PGlite }> {
  const lock = dataDir === null ? null : await lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(dataDir === null ? undefined : `${dataDir}/pgdata`, {
      parsers: { [INT8]: (value: string) => Number(value) },
      loadDataDir: options.loadDataDir,
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      pglite,
      kind: "pglite",
      location: dataDir === null ? "embedded (in memory)" : `embedded (${dataDir})`,
      async close() {
        await db.destroy();
        lock?.close();
      },
    };
  } catch (error) {
    lock?.close();
    throw error;
  }
}
