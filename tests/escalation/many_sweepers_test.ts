/**
 * Several instances sweeping one PostgreSQL database (PGlite is one connection: `SKIP LOCKED`
 * means nothing there, so these tests need DATABASE_URL).
 */
import assert from "node:assert/strict";
import { sql } from "kysely";
import { createApiToken } from "../../src/access/create_api_token.ts";
import { verifyChain } from "../../src/audit/verify_chain.ts";
import type { DatabaseHandle } from "../../src/db/database_handle.ts";
import { openPostgres } from "../../src/db/open_postgres.ts";
import { silentLogger } from "../../src/observability/logger.ts";
import { readConfig } from "../../src/runtime/config.ts";
import { openWhistle, type Whistle } from "../../src/runtime/open_whistle.ts";
import { writeRulesetDir } from "../../src/rulesets/write_ruleset_dir.ts";
import { seedOpenCases } from "../../bench/seed_open_cases.ts";
import { lifecycleDocument } from "../support/lifecycle_fixture.ts";
import { createPostgresTestDatabase, TEST_DATABASE_URL } from "../support/test_database.ts";
import { DEMO_RULES_DIR } from "../support/test_whistle.ts";

// deno-lint-ignore no-explicit-any
type Json = any;
const bj = (text: string) => new Date(`${text}+08:00`);

/** `count` instances on one fresh PostgreSQL database, each with its own pool. */
async function instances(count: number, rulesDir: string, clock: () => Date) {
  const main = await createPostgresTestDatabase({ poolSize: 6 });
  const handles: DatabaseHandle[] = [main];
  for (let i = 1; i < count; i++) {
    handles.push(
      openPostgres({ url: main.url, driver: "pg", poolSize: 6, queryTimeoutMs: 30_000 }),
    );
  }
  const config = readConfig({
    WHISTLE_RULES_DIR: rulesDir,
    WHISTLE_SWEEP_INTERVAL_MS: "0",
    WHISTLE_WEBHOOK_INTERVAL_MS: "0",
    WHISTLE_SWEEP_BATCH: "200",
  });
  const whistles: Whistle[] = [];
  for (const database of handles) {
    whistles.push(
      await openWhistle(config, {
        database,
        clock,
        logger: silentLogger,
        rulesetLiveReload: { pollMs: 0, listen: false },
      }),
    );
  }
  return {
    db: main.db,
    whistles,
    async close() {
      for (const w of whistles) await w.close();
      for (const h of handles.slice(1)) await h.close();
      await main.close();
    },
  };
}

/** Every instance sweeps at once until none finds anything due; the totals per instance. */
async function drain(whistles: Whistle[]) {
  return await Promise.all(whistles.map(async (w) => {
    const total = { escalated: 0, warned: 0, breached: 0, resumed: 0 };
    for (;;) {
      const report = await w.sweeper.sweepOnce();
      total.escalated += report.escalated;
      total.warned += report.warned;
      total.breached += report.breached;
      total.resumed += report.resumed;
      if (report.claimed === 0) return total;
    }
  }));
}

Deno.test({
  name: "two instances sweeping one database escalate 10,000 due cases exactly once (postgres)",
  ignore: !TEST_DATABASE_URL,
  async fn() {
    const now = new Date("2026-11-23T04:00:00Z");
    const env = await instances(2, DEMO_RULES_DIR, () => now);
    try {
      await seedOpenCases(env.db, {
        open: 10_000,
        due: 10_000,
        now,
        type: "MT-MZJ-005",
        unit: "YG-MZJ",
      });
      const started = performance.now();
      const totals = await drain(env.whistles);
      const ms = performance.now() - started;
      const escalated = totals.map((t) => t.escalated);
      assert.equal(escalated[0] + escalated[1], 10_000, `split ${escalated}`);
      assert.ok(escalated[0] > 0 && escalated[1] > 0, `both instances worked: ${escalated}`);
      const { rows: [log] } = await sql<{ n: number; cases: number }>`
        select count(*)::int as n, count(distinct case_id)::int as cases
        from decision_log where kind = 'escalate'`.execute(env.db);
      assert.deepEqual(log, { n: 10_000, cases: 10_000 });
      const { rows: [cases] } = await sql<{ n: number }>`
        select count(*)::int as n from cases
        where owner = 'YG' and state = 'assigned' and escalation_count = 1`.execute(env.db);
      assert.equal(cases.n, 10_000);
      const { rows: [timers] } = await sql<{ fired: number; open_due: number }>`
        select count(*) filter (where outcome = 'escalated')::int as fired,
          count(*) filter (where fired_at is null and due_at <= ${now})::int as open_due
        from case_timers`.execute(env.db);
      assert.deepEqual(timers, { fired: 10_000, open_due: 0 });
      const chain = await verifyChain(env.db);
      assert.equal(chain.intact, true);
      console.log(`  10,000 escalations by two instances in ${Math.round(ms)} ms (${escalated})`);
    } finally {
      await env.close();
    }
  },
});

Deno.test({
  name:
    "warnings and escalations stay exactly-once with three sweepers across extensions, suspensions and assisting units (postgres)",
  ignore: !TEST_DATABASE_URL,
  async fn() {
    const document = await lifecycleDocument();
    const rulesDir = await Deno.makeTempDir({ prefix: "whistle-rules-" });
    await writeRulesetDir(rulesDir, {
      ...document,
      matter_types: document.matter_types.map((t) =>
        t.code === "MT-T-CAL" ? { ...t, max_suspension: "PT4H" } : t
      ),
    });
    const clock = { now: bj("2026-11-23T10:00") };
    const env = await instances(3, rulesDir, () => clock.now);
    try {
      const [a] = env.whistles;
      const token = async (role: "intake" | "unit" | "dispatcher", unit?: string) =>
        (await createApiToken(
          env.db,
          { name: `t-${role}-${unit}`, role, unitCode: unit },
          clock.now,
        ))
          .token;
      const intake = await token("intake");
      const mzj = await token("unit", "YG-MZJ");
      const dispatcher = await token("dispatcher");
      const call = async (tok: string, path: string, body: unknown) => {
        const res = await a.app.request(`/api/v1${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${tok}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const json = await res.json();
        assert.ok(res.status < 300, `${path}: ${res.status} ${JSON.stringify(json)}`);
        return json;
      };
      const newCase = async (type: string) =>
        (await call(intake, "/cases", {
          source: "hotline",
          external_id: crypto.randomUUID(),
          type,
          title: "小区路灯不亮",
          channel: "hotline",
          reported_at: clock.now.toISOString(),
        })).id as string;

      const groups: Record<string, string[]> = { A: [], B: [], C: [], D: [], E: [], F: [] };
      for (let i = 0; i < 8; i++) {
        groups.A.push(await newCase("MT-T-CAL"));
        for (const g of ["B", "C", "D", "E"]) {
          const id = await newCase("MT-T-CAL");
          await call(mzj, `/cases/${id}/accept`, {});
          groups[g].push(id);
        }
        groups.F.push(await newCase("MT-T-JOINT"));
      }
      for (const [g, decision] of [["B", "approve"], ["C", "refuse"]] as const) {
        for (const id of groups[g]) {
          const c = await call(mzj, `/cases/${id}/extensions`, {
            reason: "需等待检测报告",
            proposed_due: bj("2026-11-24T08:00").toISOString(),
          });
          await call(dispatcher, `/cases/${id}/extensions/${c.extensions[0].id}/decision`, {
            decision,
          });
        }
      }
      clock.now = bj("2026-11-23T11:00");
      for (const id of groups.D) await call(mzj, `/cases/${id}/suspend`, { reason: "等待市民" });
      for (const id of groups.E) {
        await call(mzj, `/cases/${id}/suspend`, {
          reason: "等待第三方",
          resume_at: bj("2026-11-23T12:00").toISOString(),
        });
      }

      const points = [
        "2026-11-23T10:48",
        "2026-11-23T11:00",
        "2026-11-23T11:30",
        "2026-11-23T12:00",
        "2026-11-23T12:48",
        "2026-11-23T13:00",
        "2026-11-23T18:00",
        "2026-11-23T19:00",
        "2026-11-23T20:00",
        "2026-11-23T21:00",
        "2026-11-23T22:00",
        "2026-11-24T00:00",
        "2026-11-24T03:36",
        "2026-11-24T08:00",
      ];
      let resumed = 0;
      for (const point of points) {
        clock.now = bj(point);
        for (const t of await drain(env.whistles)) resumed += t.resumed;
      }

      const expected: Record<
        string,
        { warnings: number; escalations: number; overdue: number; owner: string }
      > = {
        A: { warnings: 3, escalations: 2, overdue: 1, owner: "DT" },
        B: { warnings: 1, escalations: 1, overdue: 0, owner: "YG" },
        C: { warnings: 3, escalations: 2, overdue: 1, owner: "DT" },
        D: { warnings: 3, escalations: 2, overdue: 1, owner: "DT" },
        E: { warnings: 3, escalations: 2, overdue: 1, owner: "DT" },
        F: { warnings: 5, escalations: 4, overdue: 1, owner: "DT" },
      };
      for (const [g, ids] of Object.entries(groups)) {
        for (const id of ids) {
          const res = await a.app.request(`/api/v1/cases/${id}`, {
            headers: { authorization: `Bearer ${intake}` },
          });
          const c: Json = await res.json();
          const count = (kind: string) => c.timeline.filter((e: Json) => e.kind === kind).length;
          assert.deepEqual(
            {
              warnings: count("warning"),
              escalations: c.history.filter((d: Json) => d.kind === "escalate").length,
              overdue: count("overdue"),
              owner: c.owner,
            },
            expected[g],
            `group ${g}, case ${id}`,
          );
          if (g === "F") assert.deepEqual(c.assistants, []);
        }
      }
      assert.equal(resumed, groups.E.length);
      // Every escalation is one fired timer and one ended assignment.
      const { rows: [n] } = await sql<{ log: number; timers: number; ended: number }>`
        select (select count(*) from decision_log where kind = 'escalate')::int as log,
          (select count(*) from case_timers where outcome = 'escalated')::int as timers,
          (select count(*) from case_assignments where end_reason = 'escalated')::int as ended`
        .execute(env.db);
      assert.equal(n.log, 8 * (2 + 1 + 2 + 2 + 2 + 4));
      assert.equal(n.timers, n.log);
      assert.equal(n.ended, n.log);
      assert.equal((await verifyChain(env.db)).intact, true);
    } finally {
      await env.close();
      await Deno.remove(rulesDir, { recursive: true });
    }
  },
});
