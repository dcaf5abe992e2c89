import assert from "node:assert/strict";
import { createLogger } from "../../src/observability/logger.ts";
import { startLifecycleWhistle } from "../support/lifecycle_fixture.ts";
import { BACKEND } from "../support/test_database.ts";

const bj = (text: string) => new Date(`${text}+08:00`);
// deno-lint-ignore no-explicit-any
type Json = any;

Deno.test(`a working-time deadline in 2027 raises a calendar warning; publishing 2027's holidays clears it and recomputes (${BACKEND})`, async () => {
  const lines: string[] = [];
  const w = await startLifecycleWhistle({
    start: bj("2026-12-31T10:00"),
    logger: createLogger({ level: "warn", write: (line) => lines.push(line) }),
  });
  try {
    const id = (await w.postCase("MT-T-WORK")).id as string;
    const mzj = await w.tokenFor("unit", "YG-MZJ");
    await (await w.as(mzj, "POST", `/api/v1/cases/${id}/accept`, {})).body?.cancel();
    // P2D of working time from Thu 10:00: 6 h that day, Fri 2027-01-01 counted as a plain
    // weekday (no calendar for 2027), then Monday 1.5 h → 2027-01-04 10:00, flagged.
    let c: Json = await (await w.call("GET", `/api/v1/cases/${id}`)).json();
    assert.equal(c.deadlines.resolve_by, bj("2027-01-04T10:00").toISOString());
    assert.deepEqual(c.deadlines.uncovered_years, [2027]);
    assert.deepEqual(c.lead.uncovered_years, [2027]);
    const warning = c.timeline.find((e: Json) => e.kind === "calendar_warning");
    assert.deepEqual(warning.data.uncovered_years, [2027]);
    assert.match(warning.note, /2027, which no holiday calendar covers/);
    assert.match(c.history[0].reason.en, /falls in 2027, a year with no holiday calendar/);

    // /readyz stays ready and says so; the sweeper logs it.
    let ready = await w.app.request("/readyz");
    let body: Json = await ready.json();
    assert.equal(ready.status, 200);
    assert.match(body.warnings.calendar, /1 open assignment fall in 2027/);
    await w.sweeper.sweepOnce();
    assert.ok(
      lines.some((l) => /holiday calendar missing/.test(l) && /2027/.test(l)),
      lines.join(),
    );

    // Publish a ruleset that adds 2027's New Year holiday.
    const editor = await w.tokenFor("policy_editor");
    const active: Json = await (await w.as(editor, "GET", "/api/v1/rulesets/active")).json();
    const document = {
      ...active.document,
      calendar: { holidays: ["2027-01-01", "2027-02-06", "2027-02-07"], workdays: [] },
    };
    const draftRes = await w.as(editor, "POST", "/api/v1/rulesets/drafts", {
      document,
      note: "2027 holidays",
    });
    const draft: Json = await draftRes.json();
    assert.equal(draftRes.status, 201, JSON.stringify(draft));
    const published = await w.as(editor, "POST", `/api/v1/rulesets/drafts/${draft.id}:publish`, {
      note: "国务院办公厅2027年部分节假日安排",
    });
    assert.equal(published.status, 201, await published.text());

    c = await (await w.call("GET", `/api/v1/cases/${id}`)).json();
    // Jan 1 off, then the weekend: Thu 6 h, Mon 7.5 h, Tue 1.5 h → Tue 2027-01-05 10:00.
    assert.equal(c.deadlines.resolve_by, bj("2027-01-05T10:00").toISOString());
    assert.deepEqual(c.deadlines.uncovered_years, []);
    assert.ok(c.timeline.some((e: Json) => e.kind === "calendar_warning_cleared"));
    ready = await w.app.request("/readyz");
    body = await ready.json();
    assert.equal(body.warnings, undefined);

    // The timers moved too: no escalation at the old deadline, one at the new.
    w.clock.now = bj("2027-01-04T10:00");
    assert.equal((await w.sweeper.sweepOnce()).escalated, 0);
    w.clock.now = bj("2027-01-05T10:00");
    assert.equal((await w.sweeper.sweepOnce()).escalated, 1);
    // New cases use the new calendar at once.
    const next: Json = await w.postCase("MT-T-WORK", { title: "新年后报修" });
    assert.deepEqual(next.decision.deadlines.uncovered_years, []);
  } finally {
    await w.close();
  }
});
