/**
 * `deno task demo:seed [--cases N] [--days D] [--seed S] [--concurrency C]`: fills the database
 * with N believable demo cases (default 10,000) over the last D days (default 120), through the
 * real intake and lifecycle code with a simulated clock: on time, late, returned, escalated,
 * reopened, joint cases with assisting units, extensions, suspensions. Progress goes to stderr.
 * On the embedded database it refuses while the service (or anything else) holds the folder.
 *
 * On PostgreSQL its own connections run with `synchronous_commit=off`: a commit returns before
 * its WAL is flushed (a crash of the server may lose the last few hundred milliseconds of seeded
 * cases, never corrupt anything). Demo data needs no per-commit durability; the service's
 * connections are not affected.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { migrateToLatest } from "../db/migrate_to_latest.ts";
import { openDatabase } from "../db/open_database.ts";
import { withSessionOptions } from "../db/with_session_options.ts";
import { ensureAssistingUnits } from "../reports/demo_seed/ensure_assisting_units.ts";
import { startProgress } from "../reports/demo_seed/progress_line.ts";
import { seedDemoCases } from "../reports/demo_seed/seed_demo_cases.ts";
import { ActiveRuleset } from "../rulesets/active_ruleset.ts";
import { installInitialRuleset } from "../rulesets/install_initial_ruleset.ts";
import { readConfig } from "../runtime/config.ts";
import { runCli } from "./run_cli.ts";

await runCli(async () => {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      cases: { type: "string", default: "10000" },
      days: { type: "string", default: "120" },
      seed: { type: "string", default: String(Date.now() % 1_000_000) },
      concurrency: { type: "string" },
    },
  });
  const cases = Number(values.cases);
  const days = Number(values.days);
  const seed = Number(values.seed);
  if (!(cases > 0) || !(days > 0) || !Number.isInteger(cases) || !Number.isInteger(seed)) {
    console.error(
      "usage: deno task demo:seed [--cases N] [--days D] [--seed S] [--concurrency C]",
    );
    Deno.exit(2);
  }
  const config = readConfig(Deno.env.toObject());
  const url = config.database.databaseUrl;
  // On the embedded database this takes the folder's lock, or throws DataDirBusyError.
  const database = await openDatabase({
    ...config.database,
    databaseUrl: url && withSessionOptions(url, { synchronous_commit: "off" }),
    // A day's sweep or fold at a million cases can take longer than a request may.
    queryTimeoutMs: Math.max(config.database.queryTimeoutMs, 120_000),
  });
  try {
    const now = new Date();
    await migrateToLatest(database.db);
    await installInitialRuleset(database.db, config.rulesDir, now);
    const ruleset = await ActiveRuleset.load(database.db);
    const published = await ensureAssistingUnits(database.db, ruleset.current.document, now);
    if (published !== null) {
      await ruleset.refresh();
      console.error(`published ruleset version ${published} with assisting units (协办)`);
    }
    const concurrency = Number(values.concurrency ?? (database.kind === "pglite" ? 200 : 2000));
    console.error(
      `seeding ${cases} cases over ${days} days into ${database.location} (seed ${seed}, ${concurrency} at once)`,
    );
    const started = performance.now();
    const progress = startProgress(cases);
    const { fates } = await seedDemoCases(database.db, ruleset, {
      cases,
      days,
      end: now,
      concurrency,
      writers: database.kind === "pglite" ? 1 : 2,
      seed,
      source: `demo-seed-${seed}`,
    }, (done) => progress.update(done));
    progress.finish();
    const seconds = (performance.now() - started) / 1000;
    console.error(
      `done: ${cases} cases in ${seconds.toFixed(1)} s (${Math.round(cases / seconds)}/s); ` +
        Object.entries(fates).map(([k, v]) => `${k} ${v}`).join(", "),
    );
    // PGlite never collects statistics by itself; PostgreSQL may not have yet.
    for (const table of ["cases", "case_assignments", "kpi_daily", "kpi_rule_daily"]) {
      await sql`analyze ${sql.table(table)}`.execute(database.db);
    }
  } finally {
    await database.close();
  }
});
