/**
 * `deno task migrate`: applies pending migrations from `migrations/` and lists them.
 *
 * @module
 */
import { migrateToLatest } from "../db/migrate_to_latest.ts";
import { openDatabase } from "../db/open_database.ts";
import { readConfig } from "../runtime/config.ts";
import { runCli } from "./run_cli.ts";

await runCli(async () => {
  const config = readConfig(Deno.env.toObject());
  const database = await openDatabase(config.database);
  try {
    const result = await migrateToLatest(database.db);
    const applied = result.results ?? [];
    if (applied.length === 0) console.log(`${database.location}: schema is up to date`);
    for (const r of applied) console.log(`${database.location}: ${r.migrationName} ${r.status}`);
  } finally {
    await database.close();
  }
});
