import assert from "node:assert/strict";
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import { type LifecycleWhistle, startLifecycleWhistle } from "../support/lifecycle_fixture.ts";
import { BACKEND } from "../support/test_database.ts";

/** A Beijing wall-clock time as an instant. */
const bj = (text: string) => new Date(`${text}+08:00`);

function test(
  name: string,
  start: Date,
  fn: (w: LifecycleWhistle) => Promise<void>,
  edit?: (d: RulesetDocument) => RulesetDocument | void,
) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const w = await startLifecycleWhistle({ start, edit });
    try {
      await fn(w);
    } finally {
      await w.close();
    }
  });
}

// deno-lint-ignore no-explicit-any
type Json = any;

async function getCase(w: LifecycleWhistle, id: string): Promise<Json> {
  const res = await w.call("GET", `/api/v1/cases/${id}`);
  assert.equal(res.status, 200);
  return await res.json();
}

async function sweepAt(w: LifecycleWhistle, at: Date) {
  w.clock.now = at;
  return await w.sweeper.sweepOnce();
}

const kinds = (c: Json, kind: string) => c.timeline.filter((e: Json) => e.kind === kind);

test(
  "the sweeper warns at 80 % of a limit and escalates at 100 %, once each",
  bj("2026-11-23T10:00"),
  async (w) => {
    const id = (await w.postCase("MT-T-CAL")).id as string;
    // Acceptance limit PT1H: warning at 10:48, escalation at 11:00.
    assert.equal((await sweepAt(w, bj("2026-11-23T10:47:59"))).claimed, 0);
    assert.equal((await sweepAt(w, bj("2026-11-23T10:48"))).warned, 1);
    assert.equal((await sweepAt(w, bj("2026-11-23T10:55"))).claimed, 0);
    let c = await getCase(w, id);
    assert.equal(kinds(c, "warning").length, 1);
    assert.equal(kinds(c, "warning")[0].unit, "YG-MZJ");
    assert.equal(kinds(c, "warning")[0].data.limit, "accept");
    assert.ok(c.lead.warned.accept);
    assert.equal(c.owner, "YG-MZJ");

    const report = await sweepAt(w, bj("2026-11-23T11:05"));
    assert.equal(report.escalated, 1);
    c = await getCase(w, id);
    assert.equal(c.owner, "YG"); // the parent of 区民政局
    assert.equal(c.state, "assigned");
    assert.equal(c.escalation_count, 1);
    const escalation = c.history.at(-1);
    assert.equal(escalation.kind, "escalate");
    assert.equal(escalation.actor, "system:sweeper");
    assert.equal(escalation.outcome.limit, "accept");
    assert.equal(escalation.outcome.overdue_ms, 5 * 60_000);
    assert.equal(escalation.outcome.from_unit, "YG-MZJ");
    assert.equal(escalation.outcome.to_unit, "YG");
    assert.match(escalation.reason.zh, /签收时限（PT1H）5分钟/);
    assert.match(escalation.reason.zh, /区民政局的上级单位云冈区/);
    assert.match(escalation.reason.en, /5 minutes past its acceptance limit \(PT1H\)/);
    assert.match(escalation.reason.en, /the parent of .* in the escalation chain/);
    // New deadlines from the escalation; history kept.
    assert.equal(c.lead.unit, "YG");
    assert.equal(c.deadlines.accept_by, bj("2026-11-23T12:05").toISOString());
    assert.deepEqual(c.assignments.map((a: Json) => [a.unit, a.end_reason]), [
      ["YG-MZJ", "escalated"],
      ["YG", null],
    ]);
    assert.equal((await sweepAt(w, bj("2026-11-23T11:06"))).claimed, 0);
    const metrics = await w.metrics.registry.metrics();
    assert.match(metrics, /whistle_warnings_total\{unit="YG-MZJ"\} 1/);
    assert.match(metrics, /whistle_escalations_total\{unit="YG-MZJ",limit="accept"\} 1/);

    // 云冈区 accepts; its resolution limit PT10H from 11:05 passes at 21:05: up to 大同市.
    const yg = await w.tokenFor("unit", "YG");
    assert.equal((await w.as(yg, "POST", `/api/v1/cases/${id}/accept`, {})).status, 200);
    assert.equal((await sweepAt(w, bj("2026-11-23T19:05"))).warned, 1);
    assert.equal((await sweepAt(w, bj("2026-11-23T21:05"))).escalated, 1);
    c = await getCase(w, id);
    assert.equal(c.owner, "DT");
    assert.equal(c.history.at(-1).outcome.limit, "resolve");
    // 大同市 is the top: its breach is recorded once, with nowhere to go.
    assert.equal((await sweepAt(w, bj("2026-11-23T22:06"))).breached, 1);
    await w.call("POST", `/api/v1/cases/${id}/notes`, { text: "热线回访" }); // re-plans timers
    assert.equal((await sweepAt(w, bj("2026-11-24T22:06"))).claimed, 0);
    c = await getCase(w, id);
    assert.equal(kinds(c, "overdue").length, 1);
    assert.equal(c.owner, "DT");
    assert.deepEqual(c.history.map((d: Json) => d.kind), ["route", "escalate", "escalate"]);
  },
);

test(
  "an overdue case of a type with a supervisor escalates to it first (督办)",
  bj("2026-11-23T10:00"),
  async (w) => {
    const id = (await w.postCase("MT-T-SUP")).id as string;
    await sweepAt(w, bj("2026-11-23T11:00"));
    let c = await getCase(w, id);
    assert.equal(c.owner, "YG-ZZZX");
    assert.equal(c.history.at(-1).outcome.via, "supervisor");
    assert.match(c.history.at(-1).reason.en, /the supervisor unit \(督办\) named for/);
    await sweepAt(w, bj("2026-11-23T12:00"));
    c = await getCase(w, id);
    assert.equal(c.owner, "YG");
    assert.equal(c.history.at(-1).outcome.via, "parent");
  },
);

test(
  "working-day limits skip the National Day golden week and count a make-up Saturday",
  bj("2026-09-30T16:30"),
  async (w) => {
    // PT2H of working time from Wed Sep 30 16:30: 1 h that day, 1 h on Thu Oct 8 → 09:30.
    const id = (await w.postCase("MT-T-WORK")).id as string;
    let c = await getCase(w, id);
    assert.equal(c.deadlines.accept_by, bj("2026-10-08T09:30").toISOString());
    // 80 % = 96 minutes of office time: 60 on Sep 30, 36 on Oct 8.
    assert.equal(c.deadlines.accept_warn_at, bj("2026-10-08T09:06").toISOString());
    assert.equal((await sweepAt(w, bj("2026-10-07T23:59"))).claimed, 0);
    assert.equal((await sweepAt(w, bj("2026-10-08T09:06"))).warned, 1);
    assert.equal((await sweepAt(w, bj("2026-10-08T09:30"))).escalated, 1);
    c = await getCase(w, id);
    assert.equal(c.owner, "YG");
    assert.match(c.history.at(-1).reason.zh, /按工作时间计/);

    // From Fri Oct 9 16:30: 1 h on Friday, then Saturday Oct 10 is a working day (调休).
    w.clock.now = bj("2026-10-09T16:30");
    const second = (await w.postCase("MT-T-WORK")).id as string;
    c = await getCase(w, second);
    assert.equal(c.deadlines.accept_by, bj("2026-10-10T09:30").toISOString());
    await sweepAt(w, bj("2026-10-10T09:29"));
    assert.equal((await getCase(w, second)).owner, "YG-MZJ");
    await sweepAt(w, bj("2026-10-10T09:30"));
    assert.equal((await getCase(w, second)).owner, "YG");
  },
);

test(
  "a suspension across the National Day holiday pauses a working-time limit, then resumes by itself",
  bj("2026-09-28T10:00"),
  async (w) => {
    const id = (await w.postCase("MT-T-WORK")).id as string;
    const mzj = await w.tokenFor("unit", "YG-MZJ");
    assert.equal((await w.as(mzj, "POST", `/api/v1/cases/${id}/accept`, {})).status, 200);
    // P2D of working time from Mon Sep 28 10:00 → Wed Sep 30 10:00.
    let c = await getCase(w, id);
    assert.equal(c.deadlines.resolve_by, bj("2026-09-30T10:00").toISOString());

    w.clock.now = bj("2026-09-29T10:00");
    const res = await w.as(mzj, "POST", `/api/v1/cases/${id}/suspend`, {
      reason: "等待市民补充材料",
      resume_at: bj("2026-10-09T10:00").toISOString(),
    });
    c = await res.json();
    assert.equal(res.status, 200, JSON.stringify(c));
    assert.equal(c.state, "suspended");
    // 7.5 h were used before the pause; 7.5 h remain from Fri Oct 9 10:00: 6 h that day,
    // then the make-up Saturday Oct 10 → 10:00.
    assert.equal(c.deadlines.resolve_by, bj("2026-10-10T10:00").toISOString());
    await w.as(mzj, "POST", `/api/v1/cases/${id}/resolve`, { summary: "x" }).then(async (r) => {
      assert.equal(r.status, 409);
      await r.body?.cancel();
    });
    // The original deadline passes while suspended: nothing happens.
    assert.equal((await sweepAt(w, bj("2026-09-30T10:00"))).escalated, 0);
    // The resume timer fires at the time set.
    assert.equal((await sweepAt(w, bj("2026-10-09T10:00"))).resumed, 1);
    c = await getCase(w, id);
    assert.equal(c.state, "accepted");
    assert.equal(c.suspensions[0].resumed_by, "system:sweeper");
    assert.equal(kinds(c, "resumed")[0].data.automatic, true);
    assert.equal(c.deadlines.resolve_by, bj("2026-10-10T10:00").toISOString());
    assert.equal((await sweepAt(w, bj("2026-10-10T09:59"))).escalated, 0);
    assert.equal((await sweepAt(w, bj("2026-10-10T10:00"))).escalated, 1);
  },
);

test(
  "exceeding the maximum suspension lets the clock run again, and the sweeper escalates",
  bj("2026-11-23T10:00"),
  async (w) => {
    const id = (await w.postCase("MT-T-CAL")).id as string;
    const mzj = await w.tokenFor("unit", "YG-MZJ");
    await (await w.as(mzj, "POST", `/api/v1/cases/${id}/accept`, {})).body?.cancel();
    w.clock.now = bj("2026-11-23T11:00");
    await (await w.as(mzj, "POST", `/api/v1/cases/${id}/suspend`, { reason: "等待检测报告" }))
      .body?.cancel();
    // Resolution due 20:00, paused at most 2 h: 22:00 even though nobody resumes.
    let c = await getCase(w, id);
    assert.equal(c.deadlines.resolve_by, bj("2026-11-23T22:00").toISOString());
    assert.equal((await sweepAt(w, bj("2026-11-23T21:59"))).escalated, 0);
    assert.equal((await sweepAt(w, bj("2026-11-23T22:00"))).escalated, 1);
    c = await getCase(w, id);
    assert.equal(c.owner, "YG");
    assert.equal(c.state, "assigned");
    assert.equal(c.suspensions[0].resume_note, "escalated");
  },
  (d) => ({
    ...d,
    matter_types: d.matter_types.map((t) =>
      t.code === "MT-T-CAL" ? { ...t, max_suspension: "PT2H" } : t
    ),
  }),
);
