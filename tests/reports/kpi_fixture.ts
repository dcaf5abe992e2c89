/**
 * A small, fixed history driven through the real intake (HTTP) and lifecycle functions with an
 * injected clock, whose KPIs are computed by hand in `performance_kpis_test.ts`. All on
 * 2026-11-10..13 (Beijing); the pages are read at NOW = T0 + 5 days.
 *
 * - A (hotline)  YG-MZJ accepts +30 min, resolves +5 h, closed satisfied.
 * - B (wechat)   YG-MZJ accepts +3 h (late), resolves +3 d (late), closed unsatisfied, reopened
 *                at +3 d 2 h (a new lead stint for YG-MZJ, not yet accepted).
 * - C (hotline)  YG-MZJ returns it at +10 min → fallback YG-ZZZX, which accepts at +20 min,
 *                resolves at +1 h, closed basically satisfied.
 * - D (hotline)  nobody accepts; the sweeper at +2 h 1 min escalates it to YG, which accepts
 *                10 min later and has not resolved it (overdue at NOW).
 * - E (web)      YG-MZJ accepts +1 h, gets one day more (extension), resolves at +2 d 12 h
 *                (late by the original, on time by the extended deadline), closed satisfied.
 * - F (hotline)  text mentions unpaid wages: rule `wage-arrears-keywords-to-hrss` sends it to
 *                YG-RSJ, which accepts at +15 min and has not resolved it (overdue at NOW).
 *
 * @module
 */

import assert from "node:assert/strict";
import { acceptCase } from "../../src/cases/accept_case.ts";
import type { CaseActor } from "../../src/cases/case_actor.ts";
import { closeCase } from "../../src/cases/close_case.ts";
import { decideExtension } from "../../src/cases/decide_extension.ts";
import { reopenCase } from "../../src/cases/reopen_case.ts";
import { requestExtension } from "../../src/cases/request_extension.ts";
import { resolveCase } from "../../src/cases/resolve_case.ts";
import { returnCase } from "../../src/cases/return_case.ts";
import type { LifecycleDeps } from "../../src/cases/run_case_action.ts";
import { sweepDueTimers } from "../../src/escalation/sweep_due_timers.ts";
import { startTestWhistle, type TestWhistle } from "../support/test_whistle.ts";

export const T0 = new Date("2026-11-10T01:00:00Z");
export const NOW = new Date(T0.getTime() + 5 * 86_400_000);
const MIN = 60_000;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN);

const ACTOR: CaseActor = { label: "test:dispatcher", role: "admin", unit: null, requestId: null };

/** A Whistle holding the fixed history, its clock at NOW. */
export async function kpiFixture(): Promise<TestWhistle> {
  let now = T0;
  const w = await startTestWhistle({ clock: () => now });
  const deps = (minutes: number): LifecycleDeps => {
    const t = at(minutes);
    return { db: w.database.db, ruleset: w.ruleset, clock: () => t };
  };
  const post = async (id: string, channel: string, text = "独居老人近日无人照看") => {
    const res = await w.call("POST", "/api/v1/cases", {
      source: "hotline-12345",
      external_id: id,
      type: "MT-MZJ-005",
      title: text,
      description: `平旺东社区3号楼：${text}`,
      location: { area_code: "YG-S02-C01", address: "平旺东社区3号楼" },
      urgency: "normal",
      channel,
      reported_at: T0.toISOString(),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { id: string }).id;
  };
  const A = await post("A", "hotline");
  const B = await post("B", "wechat");
  const C = await post("C", "hotline");
  const D = await post("D", "hotline");
  const E = await post("E", "web");
  const F = await post("F", "hotline", "工地拖欠工资三个月");

  await acceptCase(deps(30), A, ACTOR, {});
  await resolveCase(deps(300), A, ACTOR, { summary: "已探视" });
  await closeCase(deps(360), A, ACTOR, { satisfaction: "satisfied" });

  await acceptCase(deps(180), B, ACTOR, {});
  await resolveCase(deps(3 * 1440), B, ACTOR, { summary: "已探视" });
  await closeCase(deps(3 * 1440 + 60), B, ACTOR, { satisfaction: "unsatisfied" });
  await reopenCase(deps(3 * 1440 + 120), B, ACTOR, { reason: "仍无人照看" });

  await returnCase(deps(10), C, ACTOR, { reason: "不属于本单位" });
  await acceptCase(deps(20), C, ACTOR, {});
  await resolveCase(deps(60), C, ACTOR, { summary: "已转办处理" });
  await closeCase(deps(70), C, ACTOR, { satisfaction: "basic" });

  await acceptCase(deps(60), E, ACTOR, {});
  const original = await w.database.db.selectFrom("case_assignments").select("resolve_by")
    .where("case_id", "=", E).where("role", "=", "lead").executeTakeFirstOrThrow();
  const ext = await requestExtension(deps(90), E, ACTOR, {
    reason: "需协调",
    proposed_due: new Date(original.resolve_by.getTime() + 1440 * MIN).toISOString(),
  });
  await decideExtension(deps(120), E, ext, ACTOR, { decision: "approve" });
  await resolveCase(deps(2 * 1440 + 720), E, ACTOR, { summary: "延期后办结" });
  await closeCase(deps(2 * 1440 + 780), E, ACTOR, { satisfaction: "satisfied" });

  await acceptCase(deps(15), F, ACTOR, {});

  // D: nobody accepted it; the sweeper escalates it to the unit above, which accepts.
  const report = await sweepDueTimers({ db: w.database.db, ruleset: w.ruleset }, at(121), 100);
  assert.equal(report.escalated, 1, JSON.stringify(report));
  await acceptCase(deps(131), D, ACTOR, {});

  now = NOW;
  return w;
}
