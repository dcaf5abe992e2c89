/**
 * The escalation sweep at scale (`deno task bench:sweep`): a scratch PostgreSQL database with
 * 1,000,000 open cases (each with its lead assignment and two acceptance timers), of which
 * rounds of 10,000 are overdue; each round is swept by one instance, timed. Rows are made in
 * SQL (`generate_series`), not through HTTP.
 *
 * Settings (environment): `DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/postgres;
 * its user needs CREATEDB), `WHISTLE_BENCH_OPEN` (1000000), `WHISTLE_BENCH_DUE` (10000),
 * `WHISTLE_BENCH_ROUNDS` (3: timed sweeps, each over its own overdue cases, 10 minutes apart),
 * `WHISTLE_SWEEP_BATCH` (500), `WHISTLE_SWEEP_CONCURRENCY` (3), `WHISTLE_BENCH_KEEP=1` keeps the
 * database, `WHISTLE_BENCH_NO_KPI=1` disables the KPI rollup triggers (to see what they cost).
 * Run it with `deno task bench:sweep`.
 *
 * @module
 */

import pg from "pg";
import { sql } from "kysely";
import { openPostgres } from "../src/db/open_postgres.ts";
import { silentLogger } from "../src/observability/logger.ts";
import { readConfig } from "../src/runtime/config.ts";
import { openWhistle } from "../src/runtime/open_whistle.ts";
import { seedOpenCases } from "./seed_open_cases.ts";

const env = (name: string, fallback: string) => Deno.env.get(name) || fallback;
const base = env("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres");
const open = Number(env("WHISTLE_BENCH_OPEN", "1000000"));
const due = Number(env("WHISTLE_BENCH_DUE", "10000"));
const rounds = Number(env("WHISTLE_BENCH_ROUNDS", "3"));
const batch = env("WHISTLE_SWEEP_BATCH", "500");
const concurrency = env("WHISTLE_SWEEP_CONCURRENCY", "3");
const keep = Deno.env.get("WHISTLE_BENCH_KEEP") === "1";
const noKpi = Deno.env.get("WHISTLE_BENCH_NO_KPI") === "1";
const rulesDir = new URL("../rules", import.meta.url).pathname;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Seeds, sweeps, reports, and drops the scratch database. */
export async function main(): Promise<void> {
  const name = `whistle_sweep_bench_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  await admin(`create database ${name}`);
  const handle = openPostgres({
    url: url.toString(),
    driver: "pg",
    poolSize: 4,
    queryTimeoutMs: 600_000,
  });
  const now = new Date("2026-11-23T04:00:00Z");
  let clock = now;
  try {
    const whistle = await openWhistle(
      readConfig({
        WHISTLE_RULES_DIR: rulesDir,
        WHISTLE_SWEEP_INTERVAL_MS: "0",
        WHISTLE_WEBHOOK_INTERVAL_MS: "0",
        WHISTLE_SWEEP_BATCH: batch,
        WHISTLE_SWEEP_CONCURRENCY: concurrency,
      }),
      {
        database: handle,
        clock: () => clock,
        logger: silentLogger,
        rulesetLiveReload: { pollMs: 0, listen: false },
      },
    );
    if (noKpi) {
      for (
        const [table, trigger] of [
          ["cases", "kpi_cases_insert"],
          ["cases", "kpi_cases_update"],
          ["case_assignments", "kpi_assignments_insert"],
          ["case_assignments", "kpi_assignments_update"],
          ["decision_log", "kpi_decisions_insert"],
        ]
      ) {
        await sql`alter table ${sql.table(table)} disable trigger ${sql.ref(trigger)}`
          .execute(handle.db).catch(() => {});
      }
      console.log("KPI rollup triggers disabled");
    }
    let t = performance.now();
    await seedOpenCases(handle.db, { open, due, rounds, now, type: "MT-MZJ-005", unit: "YG-MZJ" });
    const seedSeconds = (performance.now() - t) / 1000;
    // A steady state, as a database that has held its open cases for a while: vacuumed, so no
    // autovacuum of the bulk load runs mid-sweep.
    await sql`vacuum analyze cases, case_assignments, case_timers`.execute(handle.db);
    const { rows: [counts] } = await sql<{ cases: number; timers: number }>`
      select (select count(*) from cases)::int as cases,
        (select count(*) from case_timers where fired_at is null)::int as timers`
      .execute(handle.db);
    console.log(
      `seeded ${counts.cases} open cases, ${counts.timers} pending timers (${rounds} × ${due} overdue) in ${
        seedSeconds.toFixed(1)
      } s`,
    );

    // One timed sweep per round of overdue cases, on the same data.
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      clock = new Date(now.getTime() + r * 600_000);
      t = performance.now();
      const report = await whistle.sweeper.sweepOnce();
      const ms = performance.now() - t;
      times.push(ms);
      console.log(
        `round ${r + 1}: ${report.escalated} escalations, ${report.claimed} timers fired in ${
          Math.round(ms)
        } ms (batch ${batch} × ${concurrency} in flight; ${
          Math.round(report.escalated / (ms / 1000))
        } escalations/s)`,
      );
      if (report.escalated !== due) throw new Error(`expected ${due} escalations`);
    }
    t = performance.now();
    const idle = await whistle.sweeper.sweepOnce();
    console.log(
      `idle sweep (nothing due among ${counts.timers - rounds * due} pending timers): ${
        (performance.now() - t).toFixed(1)
      } ms, ${idle.claimed} claimed`,
    );
    await whistle.close();
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `sweep bench: ${open.toLocaleString("en")} open, ${due.toLocaleString("en")} due → median ${
        Math.round(median)
      } ms, best ${Math.round(sorted[0])} ms over ${rounds} rounds ${
        median < 2000 ? "(under 2 s)" : "(OVER 2 s)"
      }`,
    );
  } finally {
    await handle.close();
    if (!keep) await admin(`drop database if exists ${name} with (force)`);
    else console.log(`kept database ${name}`);
  }
}

// `deno bench bench/` imports this file too: run only as a script.
if (import.meta.main) await main();
