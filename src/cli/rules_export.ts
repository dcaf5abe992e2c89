/**
 * `deno task rules:export DIR [--version N]`: writes a stored ruleset version (default: the
 * active one) to DIR in the layout of `rules/` (four JSON files, fixed key order), so it can be
 * reviewed in git or loaded elsewhere. Other files in DIR are left alone. The database keeps no
 * key order inside documents, so time-limit classes are written shortest first.
 *
 * With the embedded database, run it while the service is stopped: the data folder belongs to
 * one process, and this task refuses with a clear message while the service holds it. With
 * PostgreSQL (`DATABASE_URL`) it runs alongside any number of instances.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { migrateToLatest } from "../db/migrate_to_latest.ts";
import { openDatabase } from "../db/open_database.ts";
import { orderTimeLimitClasses } from "../rulesets/order_time_limit_classes.ts";
import { findActiveVersion } from "../rulesets/ruleset_version_repository.ts";
import { findVersion } from "../rulesets/ruleset_version_queries.ts";
import { writeRulesetDir } from "../rulesets/write_ruleset_dir.ts";
import { readConfig } from "../runtime/config.ts";
import { runCli } from "./run_cli.ts";

await runCli(async () => {
  const { positionals, values } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: { version: { type: "string" } },
  });
  const dir = positionals[0];
  const number = values.version === undefined ? undefined : Number(values.version);
  if (
    !dir || positionals.length > 1 ||
    (number !== undefined && !(Number.isInteger(number) && number > 0))
  ) {
    console.error(
      "usage: deno task rules:export DIR [--version N]   (default: the active version)",
    );
    Deno.exit(2);
  }
  const config = readConfig(Deno.env.toObject());
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const version = number === undefined
      ? await findActiveVersion(database.db)
      : await findVersion(database.db, number);
    if (!version) {
      console.error(
        number === undefined
          ? `error: ${database.location} has no ruleset yet; start the service once to install rules/`
          : `error: ${database.location} has no ruleset version ${number}`,
      );
      Deno.exitCode = 1;
      return;
    }
    await writeRulesetDir(dir, orderTimeLimitClasses(version.document));
    const { units, matter_types, exception_rules } = version.document;
    console.log(
      `Wrote ruleset version ${version.version} (${version.content_hash.slice(0, 12)}…: ` +
        `${units.length} units, ${matter_types.length} matter types, ` +
        `${exception_rules.length} exception rules) from ${database.location} to ${dir}`,
    );
  } finally {
    await database.close();
  }
});
