/**
 * What a performance figure covers: a period of Beijing days and optional filters. Empty or
 * missing lists mean "all".
 *
 * @module
 */

/** The period and filters of a KPI query. */
export interface KpiFilter {
  /** First day, `YYYY-MM-DD` (Beijing). */
  from: string;
  /** Last day, inclusive. */
  to: string;
  /** Units (already expanded to descendants, see `unitScope`). */
  units?: readonly string[];
  /** Matter types (a category is expanded to its types). */
  types?: readonly string[];
  channels?: readonly string[];
}

/** How rows are grouped. */
export type KpiGroup = "unit" | "matter_type" | "channel" | "day" | "month" | "total";

const DAY = 86_400_000;

/**
 * The Beijing day of an instant, `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { addDays, beijingDay } from "./kpi_filter.ts";
 * beijingDay(new Date("2026-11-22T16:30:00Z")); // "2026-11-23"
 * addDays("2026-11-23", -29); // "2026-10-25"
 * ```
 */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** `day` moved by `n` days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** True for a real `YYYY-MM-DD`. */
export function isDay(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** First and last day of a `YYYY-MM` month. */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { from: `${month}-01`, to: last };
}
