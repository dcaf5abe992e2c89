/**
 * `deno task bench:reports`: times the server-side render of every performance page
 * (`app.request()` in-process, so HTTP parsing and the network are not in it) against the
 * database in `DATABASE_URL` (or the embedded one), after `deno task demo:seed`. Prints, per
 * page, the median, p95 and max of `--runs` renders (default 20) after two warm-up renders, and
 * the number of cases and rollup rows. The target is under 300 ms per page.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/whistle_bench deno task bench:reports
 *
 * @module
 */
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { createUser } from "../src/people/create_user.ts";
import { silentLogger } from "../src/observability/logger.ts";
import { addDays, beijingDay } from "../src/reports/kpi_filter.ts";
import { readConfig } from "../src/runtime/config.ts";
import { openWhistle } from "../src/runtime/open_whistle.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { runs: { type: "string", default: "20" } },
});
const runs = Number(values.runs);
const config = readConfig({
  ...Deno.env.toObject(),
  WHISTLE_SWEEP_INTERVAL_MS: "0",
  WHISTLE_WEBHOOK_INTERVAL_MS: "0",
});
const w = await openWhistle(config, { logger: silentLogger });
try {
  const db = w.database.db;
  const name = `bench-${crypto.randomUUID().slice(0, 8)}`;
  const password = "bench password 123";
  const user = await createUser(db, { name, role: "viewer", password }, {
    actor: "bench",
    now: new Date(),
  });
  if (!user.ok) throw new Error(JSON.stringify(user.problems));
  const login = await w.app.request("/admin/login", {
    method: "POST",
    headers: { origin: "http://localhost", "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ name, password, next: "/admin" }),
  });
  const cookie = /whistle_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`sign-in failed: ${login.status}`);

  const today = beijingDay(new Date());
  const month = today.slice(0, 7);
  const doc = w.ruleset.current.document;
  const busiest = await sql<{ owner: string; type: string }>`
    select owner, type from cases group by 1, 2 order by count(*) desc limit 1`.execute(db);
  const unit = busiest.rows[0]?.owner ?? doc.fallback_unit;
  const type = busiest.rows[0]?.type ?? doc.matter_types[0].code;
  const q90 = `from=${addDays(today, -89)}&to=${today}`;
  const pages: [string, string][] = [
    ["overview, last 30 days", "/admin/performance"],
    ["overview, 90 days, sorted by returns", `/admin/performance?${q90}&sort=returns&dir=desc`],
    [
      "overview, street filter + category",
      `/admin/performance?unit=YG-S01&category=public_service`,
    ],
    [`unit page ${unit}`, `/admin/performance/units/${unit}`],
    ["unit page YG (whole district)", "/admin/performance/units/YG"],
    [`matter type page ${type}`, `/admin/performance/types/${type}`],
    ["daily report (html)", `/admin/performance/report?period=day&date=${today}`],
    ["monthly report (html)", `/admin/performance/report?period=month&date=${month}`],
    ["monthly report (csv)", `/admin/performance/report?period=month&date=${month}&format=csv`],
  ];
  const counts = await sql<{ cases: number; daily: number; rules: number; open: number }>`
    select (select count(*) from cases)::int as cases, (select count(*) from kpi_daily)::int as daily,
      (select count(*) from kpi_rule_daily)::int as rules,
      (select count(*) from cases where state not in ('resolved', 'closed'))::int as open`
    .execute(db);
  const c = counts.rows[0];
  console.log(
    `${w.database.kind}: ${c.cases} cases (${c.open} open), kpi_daily ${c.daily} rows, kpi_rule_daily ${c.rules} rows; ${runs} runs per page`,
  );
  console.log(
    "page".padEnd(44),
    "median".padStart(8),
    "p95".padStart(8),
    "max".padStart(8),
    "  bytes",
  );
  for (const [label, path] of pages) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs + 2; i++) {
      const started = performance.now();
      const res = await w.app.request(path, { headers: { cookie } });
      const body = await res.text();
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
      bytes = body.length;
      if (i >= 2) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
    console.log(
      label.padEnd(44),
      `${at(0.5).toFixed(1)}`.padStart(8),
      `${at(0.95).toFixed(1)}`.padStart(8),
      `${times[times.length - 1].toFixed(1)}`.padStart(8),
      ` ${bytes}`,
    );
  }
  // The bench's own user goes again (its sessions with it).
  await db.deleteFrom("users").where("id", "=", user.user.id).execute();
} finally {
  await w.close();
}
