import assert from "node:assert/strict";
import { beijingTime } from "../../src/routing/beijing_time.ts";

Deno.test("beijingTime() gives hour and weekday at UTC+8", () => {
  // 2026-03-01 is a Sunday.
  assert.deepEqual(beijingTime("2026-03-01T15:59:59Z"), { hour: 23, weekday: 7 });
  assert.deepEqual(beijingTime("2026-03-01T16:00:00Z"), { hour: 0, weekday: 1 });
  assert.deepEqual(beijingTime("2026-03-07T02:00:00+08:00"), { hour: 2, weekday: 6 });
  assert.deepEqual(beijingTime("1969-12-31T20:00:00Z"), { hour: 4, weekday: 4 });
});

Deno.test("beijingTime() returns null for a text that is not a date", () => {
  assert.equal(beijingTime("yesterday"), null);
  assert.equal(beijingTime(""), null);
});
