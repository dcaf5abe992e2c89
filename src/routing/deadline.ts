/**
 * Deadlines of one limit: its budget (calendar or office time), the clock stopped while the case
 * is suspended, extensions added on top. Pure.
 *
 * @module
 */

import { addDuration, type Duration } from "./duration.ts";
import type { TimeCounting } from "./ruleset.ts";
import type { WorkingCalendar } from "./working_calendar.ts";
import { addWorkingTime, workingTimeBetween } from "./working_time.ts";

/** A stretch of time during which the clock stands still (a suspension, 挂起). */
export interface Pause {
  from: Date;
  to: Date;
}

/**
 * The budget a limit gives, counted from `start`: milliseconds of wall-clock time (`calendar`;
 * months and years follow the calendar) or of office time (`working`: a day is one working day's
 * office hours, a week five working days).
 */
export function limitBudget(
  calendar: WorkingCalendar,
  start: Date,
  duration: Duration,
  counting: TimeCounting,
): number {
  if (counting === "calendar") return addDuration(start, duration).getTime() - start.getTime();
  const days = duration.weeks * 5 + duration.days + (duration.months * 21 + duration.years * 250);
  return days * calendar.dayMs +
    ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
}

/** The time `budget` (counted as `counting`) takes between two instants. */
export function elapsedBudget(
  calendar: WorkingCalendar,
  from: Date,
  to: Date,
  counting: TimeCounting,
  gaps?: Set<number>,
): number {
  return counting === "calendar"
    ? Math.max(0, to.getTime() - from.getTime())
    : workingTimeBetween(calendar, from, to, gaps);
}

/**
 * The instant a budget of `budgetMs` runs out when counting starts at `start` and stands still
 * during `pauses` (sorted or not; parts before `start` are ignored).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dueAfter, elapsedBudget, limitBudget, type Pause } from "./deadline.ts";
 * import { parseDuration } from "./duration.ts";
 * import { workingCalendar } from "./working_calendar.ts";
 * const calendar = workingCalendar();
 * const start = new Date("2026-03-02T00:00:00Z");
 * const budget = limitBudget(calendar, start, parseDuration("P2D")!, "calendar");
 * const pause: Pause = { from: new Date("2026-03-02T12:00:00Z"), to: new Date("2026-03-03T12:00:00Z") };
 * const due = dueAfter(calendar, start, budget, "calendar", [pause]);
 * assert.equal(due.toISOString(), "2026-03-05T00:00:00.000Z"); // one day later: paused a day
 * assert.equal(elapsedBudget(calendar, start, due, "calendar"), 3 * 86_400_000);
 * ```
 */
export function dueAfter(
  calendar: WorkingCalendar,
  start: Date,
  budgetMs: number,
  counting: TimeCounting,
  pauses: readonly Pause[] = [],
  gaps?: Set<number>,
): Date {
  let t = start;
  let remaining = budgetMs;
  const sorted = [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
  for (const pause of sorted) {
    if (pause.to.getTime() <= t.getTime()) continue;
    const from = pause.from.getTime() > t.getTime() ? pause.from : t;
    const available = elapsedBudget(calendar, t, from, counting, gaps);
    if (remaining <= available) break;
    remaining -= available;
    t = pause.to;
  }
  return counting === "calendar"
    ? new Date(t.getTime() + remaining)
    : addWorkingTime(calendar, t, remaining, gaps);
}
