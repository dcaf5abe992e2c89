import assert from "node:assert/strict";
import type { KpiGroup } from "../../src/reports/kpi_filter.ts";
import { kpisBy } from "../../src/reports/kpis_by.ts";
import { kpisGrouped } from "../../src/reports/kpis_grouped.ts";
import { performanceOverview } from "../../src/reports/performance_overview.ts";
import { BACKEND } from "../support/test_database.ts";
import { signedIn } from "../support/admin_client.ts";
import { kpiFixture, NOW } from "./kpi_fixture.ts";

const PERIOD = { from: "2026-11-10", to: "2026-11-14" };

Deno.test(`KPIs of the fixed history match the hand-computed values (${BACKEND})`, async (t) => {
  const w = await kpiFixture();
  try {
    const db = w.database.db;
    await t.step("totals", async () => {
      const k = (await kpisBy(db, PERIOD, "total", NOW)).get("")!;
      assert.equal(k.received, 6);
      // 6 new + C rerouted to the fallback + D escalated to YG + B reopened.
      assert.equal(k.assigned, 9);
      assert.equal(k.accepted, 6);
      assert.equal(k.acceptedOnTimeRate, 5 / 6); // B accepted after 3 h of 2 h
      assert.equal(k.resolved, 4);
      assert.equal(k.resolvedOnTimeRate, 3 / 4); // B late; E on time thanks to its extension
      assert.equal(k.overdueNow, 2); // D at YG, F at YG-RSJ
      assert.equal(k.escalations, 1);
      assert.equal(k.returns, 1);
      assert.equal(k.returnRate, 1 / 9);
      // Accept times 10, 10, 15, 30, 60, 180 min; resolve times 60, 300, 3600, 4320 min.
      assert.equal(k.acceptP50, 15);
      assert.equal(k.acceptP90, 180);
      assert.equal(k.resolveP50, 300);
      assert.equal(k.resolveP90, 4320);
      assert.equal(k.closed, 4);
      assert.equal(k.satisfactionRate, 3 / 4); // A, E satisfied; C basic; B unsatisfied
      assert.equal(k.reopened, 1);
      assert.deepEqual(k.extensions, {
        requested: 1,
        granted: 1,
        resolvedExtended: 1,
        onTimeExtendedRate: 1,
        onTimeOriginalRate: 0,
      });
      assert.equal(k.assist.assigned, 0);
    });

    await t.step("per unit", async () => {
      const byUnit = await kpisBy(db, PERIOD, "unit", NOW);
      assert.deepEqual([...byUnit.keys()].sort(), ["YG", "YG-MZJ", "YG-RSJ", "YG-ZZZX"]);
      const mzj = byUnit.get("YG-MZJ")!;
      assert.equal(mzj.received, 5);
      assert.equal(mzj.assigned, 6);
      assert.equal(mzj.acceptedOnTimeRate, 2 / 3);
      assert.equal(mzj.resolvedOnTimeRate, 2 / 3);
      assert.equal(mzj.returns, 1);
      assert.equal(mzj.escalations, 1);
      assert.equal(mzj.satisfactionRate, 2 / 3);
      assert.equal(mzj.reopened, 1);
      assert.equal(mzj.overdueNow, 0);
      const zzzx = byUnit.get("YG-ZZZX")!;
      assert.deepEqual(
        [zzzx.received, zzzx.assigned, zzzx.acceptedOnTimeRate, zzzx.resolvedOnTimeRate],
        [0, 1, 1, 1],
      );
      assert.equal(zzzx.satisfactionRate, 1);
      assert.equal(zzzx.resolveP50, 60);
      assert.deepEqual([byUnit.get("YG")!.assigned, byUnit.get("YG")!.overdueNow], [1, 1]);
      assert.deepEqual([byUnit.get("YG-RSJ")!.received, byUnit.get("YG-RSJ")!.overdueNow], [1, 1]);
    });

    await t.step("filters: channel, unit scope, day", async () => {
      const wechat = (await kpisBy(db, { ...PERIOD, channels: ["wechat"] }, "total", NOW)).get("")!;
      assert.deepEqual([wechat.received, wechat.resolved, wechat.resolvedOnTimeRate], [1, 1, 0]);
      const yg = (await kpisBy(db, { ...PERIOD, units: ["YG"] }, "total", NOW)).get("")!;
      assert.deepEqual([yg.received, yg.assigned, yg.accepted], [0, 1, 1]);
      const firstDay = (await kpisBy(db, { from: "2026-11-10", to: "2026-11-10" }, "total", NOW))
        .get("")!;
      // On the 10th: A and C resolved; B (13th) and E (12th) later.
      assert.equal(firstDay.resolved, 2);
    });

    await t.step("groupings read together (grouping sets) equal each read alone", async () => {
      const groups: KpiGroup[] = ["total", "unit", "matter_type", "channel", "day", "month"];
      for (const filter of [PERIOD, { ...PERIOD, units: ["YG-MZJ", "YG"] }]) {
        const together = await kpisGrouped(db, filter, groups, NOW);
        for (const group of groups) {
          const alone = await kpisGrouped(db, filter, [group], NOW);
          assert.deepEqual(together.get(group), alone.get(group), group);
          assert.ok(alone.get(group)!.size > 0, group);
        }
      }
    });

    await t.step("rules, top types, month trend", async () => {
      const view = await performanceOverview(db, w.ruleset.current.document, PERIOD, NOW);
      assert.deepEqual(view.rules.fired, [{ rule: "wage-arrears-keywords-to-hrss", count: 1 }]);
      assert.equal(
        view.rules.neverFired.length,
        w.ruleset.current.document.exception_rules.length - 1,
      );
      assert.deepEqual(view.topTypes.map((r) => [r.code, r.kpis.received]), [["MT-MZJ-005", 6]]);
      const i = view.categoryTrend.months.indexOf("2026-11");
      assert.equal(view.categoryTrend.byCategory.get("public_service")![i], 6);
    });

    await t.step("the pages show the same numbers, escaped, sortable without JS", async () => {
      const admin = await signedIn(w, "perf-viewer", "viewer");
      const q = `from=${PERIOD.from}&to=${PERIOD.to}`;
      const res = await admin.get(`/admin/performance?${q}&sort=received&dir=desc`);
      assert.equal(res.status, 200);
      const page = await res.text();
      const card = (id: string) => new RegExp(`id="kpi-${id}">([^<]*)<`).exec(page)?.[1];
      assert.equal(card("received"), "6");
      assert.equal(card("accepted_on_time"), "83.3%");
      assert.equal(card("resolved_on_time"), "75.0%");
      assert.equal(card("overdue_now"), "2");
      assert.equal(card("satisfaction"), "75.0%");
      assert.equal(card("extended_on_time_original"), "0.0%");
      const rows =
        [...page.matchAll(/<table class="plain perf-table" id="units">[\s\S]*?<\/table>/g)][0][0];
      const order = [...rows.matchAll(/data-code="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(order, ["YG-MZJ", "YG-RSJ", "YG", "YG-ZZZX"]); // by received, then code
      assert.match(page, /<img src="data:image\/svg\+xml;base64,/);

      // A unit's page covers the units below it: YG is the whole district.
      const district = await (await admin.get(`/admin/performance/units/YG?${q}`)).text();
      assert.match(district, /id="kpi-received">6</);
      assert.match(district, /id="kpi-overdue_now">2</);
      const unit = await (await admin.get(`/admin/performance/units/YG-RSJ?${q}`)).text();
      assert.match(unit, /id="kpi-received">1</);
      assert.match(unit, /id="kpi-overdue_now">1</);
      assert.match(unit, /<table class="plain" id="overdue">[\s\S]*工地拖欠工资三个月/);
      const type = await admin.get(`/admin/performance/types/MT-MZJ-005?${q}`);
      assert.match(await type.text(), /id="kpi-received">6</);

      const csv =
        await (await admin.get(`/admin/performance/report?period=month&date=2026-11&format=csv`))
          .text();
      const total = csv.split("\r\n")[1].split(",");
      assert.deepEqual(total.slice(0, 3), ["TOTAL", "", "6"]);
      const report = await admin.get(`/admin/performance/report?period=day&date=2026-11-10`);
      assert.equal(report.status, 200);
      assert.match(await report.text(), /performance\.css/);
      const bad = await admin.get(`/admin/performance?from=<script>`);
      assert.equal(bad.status, 400);
      assert.doesNotMatch(await bad.text(), /<script>/);
    });
  } finally {
    await w.close();
  }
});
