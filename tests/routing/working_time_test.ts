import assert from "node:assert/strict";
import { builtInCovers, builtInDay } from "../../src/routing/china_holidays.ts";
import { dueAfter, limitBudget } from "../../src/routing/deadline.ts";
import { parseDuration } from "../../src/routing/duration.ts";
import { effectivePauses } from "../../src/routing/effective_pauses.ts";
import { parseOfficeHours, workingCalendar } from "../../src/routing/working_calendar.ts";
import { addWorkingTime, workingTimeBetween } from "../../src/routing/working_time.ts";

const HOUR = 3_600_000;
/** A Beijing wall-clock time as an instant. */
const bj = (text: string) => new Date(`${text}+08:00`);
const calendar = workingCalendar();

Deno.test("the built-in calendar knows 2026's National Day and its make-up workdays, not 2027", () => {
  assert.equal(builtInDay("2026-10-01"), "off");
  assert.equal(builtInDay("2026-10-07"), "off"); // a Wednesday inside the golden week
  assert.equal(builtInDay("2026-09-20"), "work"); // a Sunday made a workday (调休)
  assert.equal(builtInDay("2026-10-10"), "work"); // a Saturday made a workday
  assert.equal(builtInDay("2026-10-11"), "off"); // an ordinary Sunday
  assert.equal(builtInDay("2026-10-12"), "work");
  assert.equal(builtInCovers(2026), true);
  assert.equal(builtInCovers(2027), false);
  assert.equal(builtInDay("2027-01-01"), null);
});

Deno.test("addWorkingTime() skips the National Day golden week and lunch breaks", () => {
  // Wed 2026-09-30 16:30 + 2 office hours: 1 h that day, Oct 1–7 off, 1 h on Thu Oct 8.
  assert.deepEqual(
    addWorkingTime(calendar, bj("2026-09-30T16:30"), 2 * HOUR),
    bj("2026-10-08T09:30"),
  );
  // Across lunch: 11:00 + 2 h = 1 h before lunch, 1 h after (13:30–14:30).
  assert.deepEqual(
    addWorkingTime(calendar, bj("2026-11-23T11:00"), 2 * HOUR),
    bj("2026-11-23T14:30"),
  );
  // Started on a Saturday: the clock starts Monday 08:30.
  assert.deepEqual(addWorkingTime(calendar, bj("2026-11-21T15:00"), HOUR), bj("2026-11-23T09:30"));
  // Running out exactly at the end of the day ends there.
  assert.deepEqual(addWorkingTime(calendar, bj("2026-11-23T16:30"), HOUR), bj("2026-11-23T17:30"));
});

Deno.test("addWorkingTime() honours make-up workdays (调休) on a Saturday and a Sunday", () => {
  // Fri 2026-10-09 16:30 + 2 h: 1 h on Friday, then Saturday Oct 10 is a working day.
  assert.deepEqual(
    addWorkingTime(calendar, bj("2026-10-09T16:30"), 2 * HOUR),
    bj("2026-10-10T09:30"),
  );
  // Fri 2026-09-18 17:00 + 1 h: 30 min on Friday, Saturday off, Sunday Sep 20 is a workday.
  assert.deepEqual(addWorkingTime(calendar, bj("2026-09-18T17:00"), HOUR), bj("2026-09-20T09:00"));
});

Deno.test("workingTimeBetween() counts office time only", () => {
  assert.equal(
    workingTimeBetween(calendar, bj("2026-11-23T08:00"), bj("2026-11-24T08:00")),
    7.5 * HOUR,
  );
  assert.equal(workingTimeBetween(calendar, bj("2026-10-01T00:00"), bj("2026-10-08T00:00")), 0);
  assert.equal(workingTimeBetween(calendar, bj("2026-11-23T12:00"), bj("2026-11-23T13:30")), 0);
});

Deno.test("the ruleset's calendar adds a year the package lacks, and gaps are reported, not guessed", () => {
  const gaps = new Set<number>();
  // Thu 2026-12-31 17:00 + 1 h: 30 min, then 2027-01-01, a Friday: a working day by weekends.
  assert.deepEqual(
    addWorkingTime(calendar, bj("2026-12-31T17:00"), HOUR, gaps),
    bj("2027-01-01T09:00"),
  );
  assert.deepEqual([...gaps], [2027]);
  const with2027 = workingCalendar({
    holidays: ["2027-01-01"],
    workdays: [],
    office_hours: ["09:00-12:00", "14:00-18:00"],
  });
  const none = new Set<number>();
  // 30 min to 18:00 on Dec 31; Jan 1 is off now, Sat/Sun too: Monday 2027-01-04 09:30.
  assert.deepEqual(
    addWorkingTime(with2027, bj("2026-12-31T17:30"), HOUR, none),
    bj("2027-01-04T09:30"),
  );
  assert.equal(none.size, 0);
  assert.equal(with2027.covers(2027), true);
});

Deno.test("parseOfficeHours() refuses periods out of order, overlapping or malformed", () => {
  assert.equal(parseOfficeHours(["08:30-12:00", "13:30-17:30"]).ok, true);
  assert.deepEqual(parseOfficeHours(["13:30-17:30", "08:30-12:00"]), { ok: false, index: 1 });
  assert.deepEqual(parseOfficeHours(["08:30-12:00", "11:00-17:30"]), { ok: false, index: 1 });
  assert.deepEqual(parseOfficeHours(["8:30-12:00"]), { ok: false, index: 0 });
  assert.deepEqual(parseOfficeHours([]), { ok: false, index: 0 });
});

Deno.test("dueAfter() stops a working-time clock during a suspension across the National Day holiday", () => {
  // Two working days from Mon 2026-09-28 10:00, suspended Tue 29 10:00 to Fri Oct 9 10:00.
  const start = bj("2026-09-28T10:00");
  const budget = limitBudget(calendar, start, parseDuration("P2D")!, "working");
  assert.equal(budget, 15 * HOUR);
  const pause = { from: bj("2026-09-29T10:00"), to: bj("2026-10-09T10:00") };
  // Before: Mon 6 h + Tue 1.5 h = 7.5 h. After: Fri Oct 9 10:00 → 12:00 (2 h), 13:30 → 17:30
  // (4 h) = 13.5 h; Sat Oct 10 is a make-up workday: 1.5 h more, 10:00.
  assert.deepEqual(dueAfter(calendar, start, budget, "working", [pause]), bj("2026-10-10T10:00"));
  // Without the pause the holiday alone moves it: Mon 6 h, Tue 7.5 h, Wed Sep 30 1.5 h.
  assert.deepEqual(dueAfter(calendar, start, budget, "working"), bj("2026-09-30T10:00"));
});

Deno.test("effectivePauses() stops counting once the suspension allowance is used up", () => {
  const spans = [
    { suspended_at: bj("2026-11-23T10:00"), resumed_at: bj("2026-11-24T10:00") },
    { suspended_at: bj("2026-11-25T10:00"), resumed_at: null },
  ];
  const pauses = effectivePauses(spans, 36 * HOUR);
  assert.deepEqual(pauses.map((p) => [p.from, p.to]), [
    [bj("2026-11-23T10:00"), bj("2026-11-24T10:00")],
    [bj("2026-11-25T10:00"), bj("2026-11-25T22:00")],
  ]);
  // A calendar limit of 3 days from Mon 10:00 is pushed back by the 36 counted hours.
  const start = bj("2026-11-23T10:00");
  const budget = limitBudget(calendar, start, parseDuration("P3D")!, "calendar");
  assert.deepEqual(dueAfter(calendar, start, budget, "calendar", pauses), bj("2026-11-27T22:00"));
});
