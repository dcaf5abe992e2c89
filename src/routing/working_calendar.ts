/**
 * The working calendar limits counted in working time use: office hours on working days, under
 * the mainland China holiday calendar (`chinese-days`) corrected and extended by the ruleset.
 *
 * @module
 */

import { builtInCovers, builtInDay } from "./china_holidays.ts";
import type { CalendarSettings } from "./ruleset.ts";

/** Office hours when the ruleset names none (Beijing time). */
export const DEFAULT_OFFICE_HOURS: readonly string[] = ["08:30-12:00", "13:30-17:30"];

/** One office period, in minutes after Beijing midnight. */
export interface OfficePeriod {
  start: number;
  end: number;
}

/** What the calendar says about one day. */
export interface CalendarDay {
  working: boolean;
  /** False when neither the package nor the ruleset has this year's calendar (weekends assumed). */
  covered: boolean;
}

/** A compiled working calendar. Pure: every answer depends only on its settings. */
export interface WorkingCalendar {
  /** Office periods of a working day, sorted and disjoint. */
  readonly periods: readonly OfficePeriod[];
  /** Office time in one working day, in milliseconds. */
  readonly dayMs: number;
  /** A Beijing date (`YYYY-MM-DD`). */
  day(dateKey: string): CalendarDay;
  /** True when the package or the ruleset has the holiday calendar of `year`. */
  covers(year: number): boolean;
}

const PERIOD = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/**
 * Parses office hours like `["08:30-12:00", "13:30-17:30"]`, or returns the index of the first
 * entry that is not `HH:MM-HH:MM`, ascending and after the previous one.
 */
export function parseOfficeHours(
  list: readonly string[],
): { ok: true; periods: OfficePeriod[] } | { ok: false; index: number } {
  const periods: OfficePeriod[] = [];
  for (const [index, text] of list.entries()) {
    const m = PERIOD.exec(text);
    if (!m) return { ok: false, index };
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    const previous = periods.at(-1);
    if (end <= start || end > 24 * 60 || (previous && start < previous.end)) {
      return { ok: false, index };
    }
    periods.push({ start, end });
  }
  return periods.length > 0 ? { ok: true, periods } : { ok: false, index: 0 };
}

/**
 * Builds the working calendar of a ruleset: its office hours (default 08:30–12:00 and
 * 13:30–17:30), and the package's holidays and make-up workdays with the ruleset's `holidays`
 * and `workdays` taking precedence. A year counts as covered when the package has it or the
 * ruleset lists at least one holiday in it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { workingCalendar } from "./working_calendar.ts";
 * const calendar = workingCalendar({ holidays: ["2027-01-01"] });
 * assert.deepEqual(calendar.day("2026-10-10"), { working: true, covered: true }); // 调休
 * assert.deepEqual(calendar.day("2027-01-01"), { working: false, covered: true });
 * assert.deepEqual(calendar.day("2028-01-03"), { working: true, covered: false });
 * assert.equal(calendar.dayMs, 7.5 * 3_600_000);
 * ```
 */
export function workingCalendar(settings: CalendarSettings = {}): WorkingCalendar {
  const parsed = parseOfficeHours(settings.office_hours ?? DEFAULT_OFFICE_HOURS);
  const periods = parsed.ok
    ? parsed.periods
    : (parseOfficeHours(DEFAULT_OFFICE_HOURS) as { ok: true; periods: OfficePeriod[] }).periods;
  const holidays = new Set(settings.holidays ?? []);
  const workdays = new Set(settings.workdays ?? []);
  const rulesetYears = new Set([...holidays].map((key) => Number(key.slice(0, 4))));
  const covers = (year: number) => rulesetYears.has(year) || builtInCovers(year);
  return {
    periods,
    dayMs: periods.reduce((sum, p) => sum + (p.end - p.start) * 60_000, 0),
    covers,
    day(dateKey) {
      if (holidays.has(dateKey)) return { working: false, covered: true };
      if (workdays.has(dateKey)) return { working: true, covered: true };
      const builtIn = builtInDay(dateKey);
      if (builtIn !== null) return { working: builtIn === "work", covered: true };
      const weekday = new Date(`${dateKey}T00:00:00Z`).getUTCDay();
      return {
        working: weekday !== 0 && weekday !== 6,
        covered: rulesetYears.has(Number(dateKey.slice(0, 4))),
      };
    },
  };
}
