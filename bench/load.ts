/**
 * `deno task load`: intake throughput and latency on this machine, next to raw PostgreSQL
 * baselines for the same rows, in one run on one database. Bounded: every phase runs for
 * WHISTLE_LOAD_SECONDS (default 10), after WHISTLE_LOAD_WARMUP_SECONDS (default 2) unmeasured,
 * against 127.0.0.1 only.
 *
 * Needs Debian's `wrk` and `pgbench` (apt-get install -y wrk postgresql-client) and a local
 * PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 *
 * @module
 */
import pg from "pg";
import { fileURLToPath } from "node:url";
import { databaseUrl } from "../tests/support/test_database.ts";
import {
  createTokenWithCli,
  type ServiceProcess,
  startService,
} from "../tests/support/service_process.ts";

const HERE = fileURLToPath(new URL("./load/", import.meta.url));
const SECONDS = Number(Deno.env.get("WHISTLE_LOAD_SECONDS") ?? 10);
/** Each phase first runs this long unmeasured (JIT, connection pools, plan caches). */
const WARMUP_SECONDS = Number(Deno.env.get("WHISTLE_LOAD_WARMUP_SECONDS") ?? 2);
const CONNECTIONS = Number(Deno.env.get("WHISTLE_LOAD_CONNECTIONS") ?? 32);
const BATCH = 100;
const BASE_URL = Deno.env.get("DATABASE_URL") ?? "postgres://postgres@127.0.0.1:5432/postgres";

interface WrkResult {
  requests: number;
  failed: number;
  seconds: number;
  p50: number;
  p99: number;
}

async function need(command: string, hint: string) {
  try {
    await new Deno.Command(command, { args: ["--version"], stdout: "null", stderr: "null" })
      .output();
  } catch {
    console.error(`${command} is missing: ${hint}`);
    Deno.exit(2);
  }
}

async function sqlOn(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

async function wrk(
  service: ServiceProcess,
  script: string,
  env: Record<string, string>,
  connections: number,
  seconds = SECONDS,
) {
  const out = await new Deno.Command("wrk", {
    args: [
      "-t1",
      `-c${connections}`,
      `-d${seconds}s`,
      "--timeout",
      "10s",
      "-s",
      `${HERE}${script}`,
      service.url,
    ],
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  const line = text.split("\n").find((l) => l.startsWith("WRK_RESULT"));
  if (!line) {
    throw new Error(`wrk printed no result:\n${text}${new TextDecoder().decode(out.stderr)}`);
  }
  const [, requests, failed, micros, p50, p99] = line.split(" ").map(Number);
  return { requests, failed, seconds: micros / 1e6, p50, p99 } satisfies WrkResult;
}

async function pgbench(url: string, script: string, seconds = SECONDS): Promise<number> {
  const u = new URL(url);
  const out = await new Deno.Command("pgbench", {
    args: [
      "-n",
      "-c",
      String(CONNECTIONS),
      "-j",
      "1",
      "-T",
      String(seconds),
      "-f",
      `${HERE}${script}`,
      "-h",
      u.hostname,
      "-p",
      u.port || "5432",
      "-U",
      decodeURIComponent(u.username || "postgres"),
      u.pathname.slice(1),
    ],
    env: u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {},
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  const tps = /tps = ([\d.]+)/.exec(text);
  if (!out.success || !tps) {
    throw new Error(`pgbench failed:\n${text}${new TextDecoder().decode(out.stderr)}`);
  }
  return Number(tps[1]);
}

/**
 * Before each measured phase: write dirty pages out, so that no phase pays for a checkpoint the
 * phase before it caused (the batched baseline varied from 5,900 to 8,700 cases/s between runs
 * without it), and before the baselines also refresh the statistics of the tables the intake
 * phases filled. Not before the first phase: statistics of empty tables make PostgreSQL cache
 * plans that scan (foreign-key checks, trigger lookups) until the next ANALYZE — autovacuum's
 * job in production, but not within a ten-second phase. CHECKPOINT needs a superuser or
 * pg_checkpoint; without it, it is skipped.
 */
async function settle(url: string, analyze = false) {
  await sqlOn(url, "checkpoint").catch(() => {});
  if (analyze) await sqlOn(url, "vacuum analyze");
}

function peakRssMiB(service: ServiceProcess): number {
  try {
    const status = Deno.readTextFileSync(`/proc/${service.child.pid}/status`);
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

async function intakeRun(
  label: string,
  env: Record<string, string>,
  script: string,
  extra: Record<string, string>,
  connections = CONNECTIONS,
) {
  const token = await createTokenWithCli(env);
  if (env.DATABASE_URL) await settle(env.DATABASE_URL);
  const service = await startService(env);
  try {
    const types = JSON.parse(
      await Deno.readTextFile(
        fileURLToPath(new URL("../rules/matter_types.json", import.meta.url)),
      ),
    )
      .map((t: { code: string }) => t.code).join(",");
    const wrkEnv = (run: string) => ({
      WHISTLE_LOAD_TOKEN: token,
      WHISTLE_LOAD_TYPES: types,
      WHISTLE_LOAD_RUN: `${label}-${run}-${Date.now()}`,
      ...extra,
    });
    if (WARMUP_SECONDS > 0) {
      await wrk(service, script, wrkEnv("warmup"), connections, WARMUP_SECONDS);
    }
    const result = await wrk(service, script, wrkEnv("measured"), connections);
    const rss = peakRssMiB(service);
    console.log(
      `  ${label}: ${result.requests} requests in ${
        result.seconds.toFixed(1)
      } s, ${result.failed} not 2xx, p50 ${result.p50.toFixed(1)} ms, p99 ${
        result.p99.toFixed(1)
      } ms, peak RSS ${rss.toFixed(0)} MiB`,
    );
    return result;
  } finally {
    await service.stop("SIGTERM");
  }
}

await need("wrk", "apt-get install -y wrk");
await need("pgbench", "apt-get install -y postgresql-client");

const name = `whistle_load_${Date.now()}`;
await sqlOn(BASE_URL, `create database ${name}`);
const url = databaseUrl(BASE_URL, name);
const dataDir = await Deno.makeTempDir({ prefix: "whistle-load-" });
console.log(`load: ${SECONDS} s per phase, ${CONNECTIONS} connections, database ${name}`);
try {
  const pgEnv = { DATABASE_URL: url, WHISTLE_PG_DRIVER: "pg" };
  const single = await intakeRun("single, node-postgres (pg)", pgEnv, "single_case.lua", {});
  const singleJs = await intakeRun(
    "single, postgres.js",
    { DATABASE_URL: url, WHISTLE_PG_DRIVER: "postgres" },
    "single_case.lua",
    {},
  );
  const batch = await intakeRun(`batch of ${BATCH}, node-postgres`, pgEnv, "batch_cases.lua", {
    WHISTLE_LOAD_BATCH: String(BATCH),
  }, 8);
  const embedded = await intakeRun(
    "single, embedded PGlite",
    { WHISTLE_DATA_DIR: dataDir },
    "single_case.lua",
    {},
  );

  await sqlOn(url, "create sequence load_baseline_seq start 1000000000");
  // A warm-up so short that pgbench is still connecting may count nothing: that is no failure.
  const warmUp = (script: string) => pgbench(url, script, WARMUP_SECONDS).catch(() => 0);
  await settle(url, true);
  if (WARMUP_SECONDS > 0) await warmUp("pg_one_tx_per_case.sql");
  const oneTx = await pgbench(url, "pg_one_tx_per_case.sql");
  console.log(`  PostgreSQL alone, one transaction per case: ${oneTx.toFixed(0)} cases/s`);
  await settle(url, true);
  if (WARMUP_SECONDS > 0) await warmUp("pg_100_cases_per_tx.sql");
  const batchedTps = await pgbench(url, "pg_100_cases_per_tx.sql");
  const batched = batchedTps * 100;
  console.log(`  PostgreSQL alone, 100 cases per transaction: ${batched.toFixed(0)} cases/s`);

  const rate = (r: WrkResult, per = 1) => ((r.requests - r.failed) * per) / r.seconds;
  console.log(
    `  (postgres.js single: ${rate(singleJs).toFixed(0)} cases/s p99 ${
      singleJs.p99.toFixed(1)
    } ms; PGlite single: ${rate(embedded).toFixed(0)} cases/s p99 ${embedded.p99.toFixed(1)} ms)`,
  );
  console.log(
    `intake: single ${rate(single).toFixed(0)} cases/s p99 ${single.p99.toFixed(1)} ms ` +
      `(${(rate(single) / oneTx).toFixed(2)}x one-tx-per-case); ` +
      `batch ${rate(batch, BATCH).toFixed(0)} cases/s (${
        ((rate(batch, BATCH) / batched) * 100).toFixed(0)
      }% of batched PG)`,
  );
} finally {
  await sqlOn(BASE_URL, `drop database if exists ${name} with (force)`);
  await Deno.remove(dataDir, { recursive: true }).catch(() => {});
}
