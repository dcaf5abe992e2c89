/**
 * The mainland China holiday calendar as the `chinese-days` package publishes it: public holidays
 * and the make-up workdays (调休) the State Council announces each year. Read-only data, no
 * clock, no I/O: usable from the pure routing core.
 *
 * The package covers the years it has data for (2004 to 2026 in version 1.5.7); for any other
 * year it silently answers plain weekends. {@link builtInDay} answers `null` there instead, so
 * that callers can say so rather than guess.
 *
 * @module
 */

import cd from "chinese-days";

/** What the built-in calendar says about a day. */
export type BuiltInDay = "work" | "off";

interface YearData {
  covered: boolean;
  /** Days of the year that are off although Monday–Friday (holidays). */
  off: Set<string>;
  /** Days of the year that are working days although Saturday or Sunday (调休上班). */
  work: Set<string>;
}

const years = new Map<number, YearData>();
const DAY_MS = 86_400_000;

function yearData(year: number): YearData {
  let data = years.get(year);
  if (data) return data;
  const covered = cd.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
  data = { covered, off: new Set(), work: new Set() };
  if (covered) {
    for (let d = Date.UTC(year, 0, 1); d < Date.UTC(year + 1, 0, 1); d += DAY_MS) {
      const date = new Date(d);
      const key = date.toISOString().slice(0, 10);
      const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
      const working = cd.isWorkday(key);
      if (weekend && working) data.work.add(key);
      if (!weekend && !working) data.off.add(key);
    }
  }
  years.set(year, data);
  return data;
}

/** True when the package has the official holiday calendar of `year`. */
export function builtInCovers(year: number): boolean {
  return yearData(year).covered;
}

/**
 * Whether a day (`YYYY-MM-DD`, a Beijing date) is a working day by the official calendar, or
 * `null` when the package does not cover its year.
 *
 * @example
 * ```ts
 * import { builtInCovers, builtInDay } from "./china_holidays.ts";
 * builtInDay("2026-10-01"); // "off"  (National Day)
 * builtInDay("2026-10-10"); // "work" (a Saturday made a workday, 调休)
 * builtInDay("2027-01-01"); // null   (no data for 2027)
 * builtInCovers(2026); // true
 * ```
 */
export function builtInDay(dateKey: string): BuiltInDay | null {
  const data = yearData(Number(dateKey.slice(0, 4)));
  if (!data.covered) return null;
  if (data.off.has(dateKey)) return "off";
  if (data.work.has(dateKey)) return "work";
  const weekday = new Date(`${dateKey}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? "off" : "work";
}
