/**
 * The decision log at scale: export (CSV, JSONL) and chain verification over ~1,000,000 entries
 * on PostgreSQL, with rows/s and peak memory (VmHWM) of each, the query plans of the audit
 * searches, and what the audit indexes cost on the write path.
 *
 * ```sh
 * deno run -A bench/audit_export_bench.ts            # seed (once) + every phase
 * deno run -A bench/audit_export_bench.ts --reseed   # drop and seed again
 * AUDIT_BENCH_ROWS=200000 deno run -A bench/audit_export_bench.ts
 * ```
 *
 * It keeps a database `whistle_audit_bench` on the server of DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) between runs; drop it when done. Seeding routes
 * synthetic cases with the demo ruleset (real `decide()` outcomes, so replays agree), adds
 * reroutes, escalations and overrides, computes the hash chain in batches and inserts 5,000
 * rows per statement. Each measured phase runs in its own process, so each VmHWM is its own
 * (reading /proc needs -A). Phases: seed, export-csv, export-csv-100k (the same, for the first
 * 100,000 rows: peak memory does not grow with rows), export-jsonl, export-unit, verify,
 * explain, write-cost. `AUDIT_BENCH_PAGE_SIZE` overrides the rows per query.
 *
 * @module
 */
import pg from "pg";
import { sql } from "kysely";
import { appendDecisions } from "../src/audit/append_decisions.ts";
import type { AuditFilter } from "../src/audit/audit_filter.ts";
import { whereAuditFilter } from "../src/audit/audit_filter.ts";
import type { DecisionEntry } from "../src/audit/decision_entry.ts";
import { exportDecisions } from "../src/audit/export_decisions.ts";
import { hashDecision } from "../src/audit/hash_decision.ts";
import { replayDecision } from "../src/audit/replay_decision.ts";
import { verifyChain } from "../src/audit/verify_chain.ts";
import type { DatabaseHandle } from "../src/db/database_handle.ts";
import { migrateToLatest } from "../src/db/migrate_to_latest.ts";
import { openPostgres } from "../src/db/open_postgres.ts";
import { compileRuleset } from "../src/routing/compile_ruleset.ts";
import { decide } from "../src/routing/decide.ts";
import type { CaseFacts } from "../src/routing/facts.ts";
import { installInitialRuleset } from "../src/rulesets/install_initial_ruleset.ts";
import { findActiveVersion } from "../src/rulesets/ruleset_version_repository.ts";
import { databaseUrl } from "../tests/support/test_database.ts";

const BASE_URL = Deno.env.get("DATABASE_URL") ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "whistle_audit_bench";
const URL_ = databaseUrl(BASE_URL, DB_NAME);
const ROWS = Number(Deno.env.get("AUDIT_BENCH_ROWS") ?? 1_000_000);
const BATCH = 5_000;
/** Rows per query of the export and verify phases (default: the service's, 500). */
const PAGE_SIZE = Number(Deno.env.get("AUDIT_BENCH_PAGE_SIZE") ?? 0) || undefined;
const RULES_DIR = new URL("../rules", import.meta.url).pathname;
/** The unit whose entries `export-unit` and `explain` look for: a mid-sized street office. */
const UNIT = Deno.env.get("AUDIT_BENCH_UNIT") ?? "YG-SFJ";

function vmHwmMb(): number {
  const status = Deno.readTextFileSync("/proc/self/status");
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function open(): DatabaseHandle {
  return openPostgres({ url: URL_, driver: "pg", poolSize: 4, queryTimeoutMs: 600_000 });
}

async function seeded(): Promise<number> {
  const client = new pg.Client({ connectionString: URL_ });
  try {
    await client.connect();
    const r = await client.query("select count(*)::int as n from decision_log");
    return r.rows[0].n;
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A small deterministic PRNG. */
function prng(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
}

const TEXTS: readonly string[] = [
  "独居老人无人照看\n社区独居老人近日无人照看，邻居反映。",
  "楼道闻到煤气味\n3号楼楼道里闻到燃气味，疑似燃气泄漏。",
  "工地拖欠工资\n某工地拖欠农民工工资三个月，讨要欠薪无果。请回电13812345678。",
  "小区停电\n整个小区停电两小时，无人处理。",
  "邻里噪音纠纷\n楼上住户深夜噪音扰民，多次协商未果。",
  "暖气不热\n入冬以来暖气一直不热，室温不足16度。",
  "路边摊占道\n小区门口摊贩占道经营，影响通行。",
];

/** Seeds ROWS entries after the install's publish entry, chained, 5,000 rows per INSERT. */
async function seed(): Promise<Record<string, number>> {
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  const database = open();
  const { db } = database;
  await migrateToLatest(db);
  const start = new Date("2026-01-01T00:00:00Z");
  await installInitialRuleset(db, RULES_DIR, start);
  const version = (await findActiveVersion(db))!;
  const ruleset = compileRuleset(version.document, {
    version: version.version,
    hash: version.content_hash,
  });
  const doc = version.document;
  const areas = doc.units.filter((u) => u.tier === "street" || u.tier === "community");
  const grids = doc.units.filter((u) => u.tier === "grid");
  const parentOf = new Map(doc.units.map((u) => [u.code, u.parent]));
  const next = prng(20261123);
  const head = await db.selectFrom("decision_log").select(["seq", "hash"]).orderBy("seq", "desc")
    .limit(1).executeTakeFirstOrThrow();
  let seq = Number(head.seq);
  let prevHash = head.hash;
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  const started = performance.now();
  let hashMs = 0;
  for (let done = 0; done < ROWS;) {
    const rows: Record<string, unknown>[] = [];
    const n = Math.min(BATCH, ROWS - done);
    for (let i = 0; i < n; i++) {
      const t = new Date(start.getTime() + (done + i) * 30_000 + next(30_000));
      const type = doc.matter_types[next(doc.matter_types.length)];
      const facts: CaseFacts = {
        type: type.code,
        area_code: areas[next(areas.length)]?.code,
        urgency: next(10) === 0 ? "urgent" : "normal",
        channel: ["hotline", "grid_app", "wechat", "web"][next(4)],
        source: next(2) === 0 ? "hotline-12345" : "grid-app",
        text: TEXTS[next(TEXTS.length)],
        reported_at: new Date(t.getTime() - next(3_600_000)).toISOString(),
      };
      if (next(3) === 0) facts.grid_code = grids[next(grids.length)]?.code;
      const roll = next(1000);
      const kind = roll < 960
        ? "route"
        : roll < 980
        ? "reroute"
        : roll < 995
        ? "escalate"
        : "override";
      const exclude = kind === "reroute" && type.owner ? [type.owner] : [];
      const decision = await decide(ruleset, facts, t, { exclude });
      const caseId = crypto.randomUUID();
      let entry: DecisionEntry = {
        case_id: caseId,
        kind,
        ruleset_version: version.version,
        ruleset_hash: version.content_hash,
        matched_rules: decision.matched_rules,
        facts: kind === "reroute" ? { ...facts, exclude } : { ...facts },
        outcome: {
          owner: decision.owner,
          list_owner: decision.list_owner,
          fallback: decision.fallback,
          priority: decision.priority,
          deadlines: decision.deadlines,
          ...(decision.assisting ? { assisting: decision.assisting } : {}),
        },
        reason: decision.reason,
        actor: next(5) < 3 ? "token:hotline-12345" : "token:grid-app",
        request_id: crypto.randomUUID(),
        created_at: t,
      };
      // The shapes the case lifecycle and the escalation sweeper log.
      if (kind === "reroute") {
        entry.outcome = {
          owner: decision.owner,
          from_owner: type.owner,
          returned_unit: type.owner,
          returns: 1,
          list_owner: decision.list_owner,
          fallback: decision.fallback,
          priority: decision.priority,
          deadlines: decision.deadlines,
        };
      } else if (kind === "escalate") {
        const to = parentOf.get(decision.owner) ?? decision.owner;
        entry = {
          ...entry,
          matched_rules: [],
          actor: "system:escalation",
          request_id: null,
          facts: { type: type.code, unit: decision.owner, role: "lead", limit: "accept" },
          outcome: { owner: to, from_unit: decision.owner, to_unit: to, via: "parent" },
          reason: { zh: "超时未签收，上提一级。", en: "Not accepted in time: moved up." },
        };
      } else if (kind === "override") {
        const to = doc.units[next(doc.units.length)].code;
        entry = {
          ...entry,
          matched_rules: [],
          actor: `user:dispatcher-${next(5)}`,
          outcome: { owner: to, from_owner: decision.owner, priority: decision.priority },
          reason: { zh: "人工改派。", en: "Manual override." },
        };
      }
      seq += 1;
      const h0 = performance.now();
      const hash = hashDecision(prevHash, seq, entry);
      hashMs += performance.now() - h0;
      rows.push({ ...entry, created_at: t.toISOString(), seq, prev_hash: prevHash, hash });
      prevHash = hash;
    }
    await client.query(
      `insert into decision_log
       select * from jsonb_populate_recordset(null::decision_log, $1::jsonb)`,
      [JSON.stringify(rows)],
    );
    done += n;
    if (Deno.stderr.isTerminal() && done % 100_000 === 0) {
      console.error(`seeded ${done.toLocaleString("en")} rows`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await client.query("analyze decision_log");
  await client.end();
  await database.close();
  return {
    rows: ROWS,
    seconds: round(seconds),
    rows_per_s: Math.round(ROWS / seconds),
    hash_ms: Math.round(hashMs),
  };
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Streams an export to nowhere, counting bytes and lines. */
async function exportPhase(format: "csv" | "jsonl", filter: AuditFilter) {
  const database = open();
  const started = performance.now();
  const stream = await exportDecisions(database.db, filter, {
    format,
    mask: true,
    pageSize: PAGE_SIZE,
  });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of stream) {
    bytes += chunk.byteLength;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  const rows = format === "csv" ? lines - 1 : lines;
  return {
    rows,
    mb: round(bytes / 1048576, 1),
    seconds: round(seconds),
    rows_per_s: Math.round(rows / seconds),
    vmhwm_mb: vmHwmMb(),
  };
}

async function verifyPhase() {
  const database = open();
  const result = await verifyChain(database.db, {
    pageSize: PAGE_SIZE,
    onProgress: (p) => Deno.stderr.isTerminal() && console.error(`verified ${p.checked}`),
  });
  await database.close();
  return {
    intact: result.intact,
    rows: result.checked,
    seconds: round(result.elapsed_ms / 1000),
    rows_per_s: Math.round(result.checked / (result.elapsed_ms / 1000)),
    vmhwm_mb: vmHwmMb(),
  };
}

/** The plan and time of one search page (limit 100) per filter, as the service sends it. */
async function explainPhase() {
  const database = open();
  const { db } = database;
  const rare = await db.selectFrom("decision_log").select("request_id")
    .where("request_id", "is not", null).orderBy("seq").offset(500_000).limit(1)
    .executeTakeFirst();
  const filters: [string, AuditFilter][] = [
    ["case_id", {
      case_id: (await db.selectFrom("decision_log").select("case_id").where("seq", "=", 700_000)
        .executeTakeFirst())?.case_id ?? undefined,
    }],
    ["unit (~9%)", { unit: UNIT }],
    ["unit (~1%)", { unit: "YG-S01-C01-G01" }],
    ["unit (0.25%)", { unit: "DT-GWGD" }],
    ["unit (escalations only)", { unit: "YG" }],
    ["unit + escalate", { unit: UNIT, kind: "escalate" }],
    ["rule (13%)", { rule: "wage-arrears-keywords-to-hrss" }],
    ["rule (rare)", { rule: "hotline-urgent-collective-petition-raised" }],
    ["kind=publish", { kind: "publish" }],
    ["kind=escalate", { kind: "escalate" }],
    ["kind=route", { kind: "route" }],
    ["actor (rare)", { actor: "user:dispatcher-3" }],
    ["version", { ruleset_version: 1 }],
    ["request_id", { request_id: rare?.request_id ?? "none" }],
    ["one day", { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-02T00:00:00Z") }],
    ["escalate in June", {
      kind: "escalate",
      from: new Date("2026-06-01T00:00:00Z"),
      to: new Date("2026-07-01T00:00:00Z"),
    }],
  ];
  const out: Record<string, unknown> = {};
  for (const [name, filter] of filters) {
    const compiled = whereAuditFilter(db.selectFrom("decision_log").selectAll(), filter)
      .where("seq", ">", 400_000).orderBy("seq").limit(101).compile();
    const client = new pg.Client({ connectionString: URL_ });
    await client.connect();
    const r = await client.query(`explain (analyze, format text) ${compiled.sql}`, [
      ...compiled.parameters,
    ]);
    await client.end();
    const lines = r.rows.map((row: Record<string, string>) => row["QUERY PLAN"]);
    const nodes = lines.filter((l: string) => /Scan|Sort|BitmapOr|BitmapAnd/.test(l))
      .map((l: string) => l.trim().replace(/\s+\(cost=.*$/, "").replace(/^->\s*/, ""));
    const time = lines.find((l: string) => l.startsWith("Execution Time"));
    out[name] = { time, plan: nodes.slice(0, 4).join(" | ") };
  }
  const replay = await replayDecision(db, 123_456);
  out["replay seq 123456"] = replay.status === "replayed" ? { same: replay.same } : replay;
  await database.close();
  return out;
}

/**
 * Appends 100,000 entries through appendDecisions (500 per transaction, like intake's batches),
 * without and with the audit indexes, three rounds alternating; the best round of each counts
 * (this machine is shared, so the worst rounds measure the neighbours).
 */
async function writeCostPhase() {
  const best: Record<string, number> = {};
  for (let round = 0; round < 3; round++) {
    for (const withIndexes of [false, true]) {
      const rate = await appendRate(withIndexes);
      const key = withIndexes ? "with_audit_indexes" : "without_audit_indexes";
      best[key] = Math.max(best[key] ?? 0, rate);
    }
  }
  return {
    rows_per_s: best,
    slower_by: `${
      Math.round((1 - best.with_audit_indexes / best.without_audit_indexes) * 1000) / 10
    }%`,
  };
}

async function appendRate(withIndexes: boolean): Promise<number> {
  const name = `${DB_NAME}_w`;
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const database = openPostgres({
    url: databaseUrl(BASE_URL, name),
    driver: "pg",
    poolSize: 2,
    queryTimeoutMs: 600_000,
  });
  const { db } = database;
  await migrateToLatest(db);
  if (!withIndexes) {
    for (
      const index of [
        "decision_log_rule_names_idx",
        "decision_log_units_idx",
        "decision_log_owner_idx",
        "decision_log_list_owner_idx",
        "decision_log_request_id_idx",
        "decision_log_ruleset_version_seq_idx",
        "decision_log_actor_seq_idx",
        "decision_log_kind_seq_idx",
      ]
    ) await sql.raw(`drop index ${index}`).execute(db);
  }
  const next = prng(7);
  const entries = (n: number): DecisionEntry[] =>
    Array.from({ length: n }, () => ({
      case_id: crypto.randomUUID(),
      kind: "route",
      ruleset_version: 1,
      ruleset_hash: "x".repeat(64),
      matched_rules: next(5) === 0
        ? [{
          name: "gas-leak-to-fire-brigade",
          priority: 100,
          event: { type: "assign", params: { owner: "YG-XFDD" } },
        }]
        : [],
      facts: {
        type: "MT-MZJ-005",
        area_code: "YG-S01",
        urgency: "normal",
        channel: "hotline",
        source: "hotline-12345",
        text: TEXTS[next(TEXTS.length)],
        reported_at: "2026-11-23T01:00:00.000Z",
      },
      outcome: {
        owner: "YG-MZJ",
        list_owner: "YG-MZJ",
        fallback: false,
        priority: "normal",
        deadlines: {
          accept_by: "2026-11-23T03:00:00.000Z",
          resolve_by: "2026-11-25T01:00:00.000Z",
        },
        assisting: [],
      },
      reason: { zh: "事项准入清单：……", en: "Admission list: …" },
      actor: "token:hotline-12345",
      request_id: crypto.randomUUID(),
      created_at: new Date(),
    }));
  const total = 100_000;
  const perTx = 500;
  const started = performance.now();
  for (let i = 0; i < total; i += perTx) {
    const batch = entries(perTx);
    await db.transaction().execute((trx) => appendDecisions(trx, batch));
  }
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  await admin(`drop database if exists ${name} with (force)`);
  return Math.round(total / seconds);
}

async function runPhase(phase: string): Promise<unknown> {
  switch (phase) {
    case "seed":
      return await seed();
    case "export-csv":
      return await exportPhase("csv", {});
    case "export-jsonl":
      return await exportPhase("jsonl", {});
    case "export-csv-100k":
      return await exportPhase("csv", { up_to_seq: 100_000 });
    case "export-unit":
      return await exportPhase("csv", { unit: UNIT });
    case "verify":
      return await verifyPhase();
    case "explain":
      return await explainPhase();
    case "write-cost":
      return await writeCostPhase();
  }
  throw new Error(`unknown phase ${phase}`);
}

/** Runs a phase in a child process (its own VmHWM) and returns its JSON result. */
async function child(phase: string): Promise<unknown> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL(import.meta.url).pathname, phase],
    env: { RUST_BACKTRACE: "0" },
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!out.success) throw new Error(`phase ${phase} failed`);
  const text = new TextDecoder().decode(out.stdout).trim().split("\n").at(-1)!;
  return JSON.parse(text);
}

const [arg] = Deno.args;
if (arg && !arg.startsWith("--")) {
  console.log(JSON.stringify(await runPhase(arg)));
} else {
  const have = await seeded();
  if (Deno.args.includes("--reseed") || have < ROWS) {
    console.log("seed", JSON.stringify(await child("seed")));
  } else {
    console.log(`seed: reusing ${DB_NAME} (${have.toLocaleString("en")} rows; --reseed to redo)`);
  }
  for (
    const phase of [
      "export-csv",
      "export-csv-100k",
      "export-jsonl",
      "export-unit",
      "verify",
      "explain",
      "write-cost",
    ]
  ) {
    const result = await child(phase);
    if (phase === "explain") {
      console.log("explain (one page of 100 after seq 400,000):");
      for (const [name, value] of Object.entries(result as Record<string, unknown>)) {
        console.log(`  ${name}: ${JSON.stringify(value)}`);
      }
    } else {
      console.log(phase, JSON.stringify(result));
    }
  }
}
