/**
 * Working-time arithmetic: office hours on working days, Beijing time. Pure functions over a
 * {@link WorkingCalendar}; they record the years they crossed that no calendar covers in `gaps`.
 *
 * @module
 */

import type { WorkingCalendar } from "./working_calendar.ts";

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** A limit past ~27 years of days means the calendar has no working time at all. */
const MAX_DAYS = 10_000;

/** Beijing midnight (as a UTC instant) of the Beijing day holding `t`. */
function beijingMidnight(t: number): number {
  return Math.floor((t + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS;
}

/** The Beijing date key (`YYYY-MM-DD`) of a Beijing midnight. */
function dateKey(midnight: number): string {
  return new Date(midnight + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

function isWorking(calendar: WorkingCalendar, midnight: number, gaps?: Set<number>): boolean {
  const key = dateKey(midnight);
  const day = calendar.day(key);
  if (!day.covered) gaps?.add(Number(key.slice(0, 4)));
  return day.working;
}

/**
 * The instant `ms` of office time after `start`. Time outside office hours and on days off does
 * not count; a limit that runs out exactly at the end of an office period ends there.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { workingCalendar } from "./working_calendar.ts";
 * import { addWorkingTime, workingTimeBetween } from "./working_time.ts";
 * const calendar = workingCalendar();
 * // Wednesday 2026-09-30 16:30 Beijing + 2 office hours: 1 h that day, then the 7-day National Day
 * // holiday, so 09:30 on Thursday 2026-10-08.
 * const due = addWorkingTime(calendar, new Date("2026-09-30T08:30:00Z"), 2 * 3_600_000);
 * assert.equal(due.toISOString(), "2026-10-08T01:30:00.000Z");
 * assert.equal(workingTimeBetween(calendar, new Date("2026-09-30T08:30:00Z"), due), 7_200_000);
 * ```
 */
export function addWorkingTime(
  calendar: WorkingCalendar,
  start: Date,
  ms: number,
  gaps?: Set<number>,
): Date {
  let t = start.getTime();
  let remaining = ms;
  if (remaining <= 0) return new Date(t);
  let midnight = beijingMidnight(t);
  for (let days = 0; days < MAX_DAYS; days++, midnight += DAY_MS) {
    if (!isWorking(calendar, midnight, gaps)) continue;
    for (const period of calendar.periods) {
      const end = midnight + period.end * 60_000;
      if (end <= t) continue;
      const from = Math.max(t, midnight + period.start * 60_000);
      const available = end - from;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
      t = end;
    }
  }
  throw new Error("The working calendar has no office time: check calendar.office_hours");
}

/** The office time between two instants, in milliseconds (0 when `to` is not after `from`). */
export function workingTimeBetween(
  calendar: WorkingCalendar,
  from: Date,
  to: Date,
  gaps?: Set<number>,
): number {
  const a = from.getTime();
  const b = to.getTime();
  let total = 0;
  for (let midnight = beijingMidnight(a); midnight < b; midnight += DAY_MS) {
    if (!isWorking(calendar, midnight, gaps)) continue;
    for (const period of calendar.periods) {
      const start = Math.max(a, midnight + period.start * 60_000);
      const end = Math.min(b, midnight + period.end * 60_000);
      if (end > start) total += end - start;
    }
  }
  return total;
}
