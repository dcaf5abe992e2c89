import assert from "node:assert/strict";
import { addDuration, parseDuration } from "../../src/routing/duration.ts";

Deno.test("parseDuration() reads the ISO 8601 durations time limits use", () => {
  assert.deepEqual(parseDuration("PT2H"), {
    years: 0,
    months: 0,
    weeks: 0,
    days: 0,
    hours: 2,
    minutes: 0,
    seconds: 0,
  });
  assert.equal(parseDuration("PT30M")?.minutes, 30);
  assert.equal(parseDuration("P7D")?.days, 7);
  assert.equal(parseDuration("P1W")?.weeks, 1);
  assert.equal(parseDuration("PT1.5S")?.seconds, 1.5);
  const mixed = parseDuration("P1Y2M3DT4H5M6S");
  assert.deepEqual(
    mixed && [mixed.years, mixed.months, mixed.days, mixed.hours, mixed.minutes, mixed.seconds],
    [1, 2, 3, 4, 5, 6],
  );
});

Deno.test("parseDuration() refuses what is not a positive duration", () => {
  for (const text of ["", "P", "PT", "P1DT", "2 hours", "PT2h", "-PT2H", "P0D", "PT0S", "1D"]) {
    assert.equal(parseDuration(text), null, text);
  }
});

Deno.test("addDuration() adds calendar time to an instant", () => {
  const start = new Date("2026-03-02T02:05:00Z");
  const plus = (text: string) => addDuration(start, parseDuration(text)!).toISOString();
  assert.equal(plus("PT30M"), "2026-03-02T02:35:00.000Z");
  assert.equal(plus("PT2H"), "2026-03-02T04:05:00.000Z");
  assert.equal(plus("P2D"), "2026-03-04T02:05:00.000Z");
  assert.equal(plus("P1DT12H"), "2026-03-03T14:05:00.000Z");
  assert.equal(plus("P1W"), "2026-03-09T02:05:00.000Z");
  assert.equal(plus("P1M"), "2026-04-02T02:05:00.000Z");
  assert.equal(plus("P1Y"), "2027-03-02T02:05:00.000Z");
  // The start is not changed.
  assert.equal(start.toISOString(), "2026-03-02T02:05:00.000Z");
});

Deno.test("addDuration() clamps a month to the end of a shorter month", () => {
  const plus = (start: string, text: string) =>
    addDuration(new Date(start), parseDuration(text)!).toISOString();
  // 2026-01-31 10:00 Beijing + P1M: February 28, not March 3.
  assert.equal(plus("2026-01-31T02:00:00Z", "P1M"), "2026-02-28T02:00:00.000Z");
  // The Beijing date decides: 2026-01-31 00:30 Beijing is still January 30 in UTC.
  assert.equal(plus("2026-01-30T16:30:00Z", "P1M"), "2026-02-27T16:30:00.000Z");
  assert.equal(plus("2024-02-29T02:00:00Z", "P1Y"), "2025-02-28T02:00:00.000Z");
  assert.equal(plus("2026-03-31T02:00:00Z", "P1M1D"), "2026-05-01T02:00:00.000Z");
  assert.equal(plus("2026-12-31T02:00:00Z", "P2M"), "2027-02-28T02:00:00.000Z");
});
