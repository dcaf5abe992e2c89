/**
 * ISO 8601 durations (`PT2H`, `P2D`, `P1DT12H`, `P1W`) as used by time limits.
 *
 * @module
 */

/** A parsed duration; each field is a non-negative number. */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Parses an ISO 8601 duration, or returns `null` when the text is not one.
 *
 * @example
 * ```ts
 * import { addDuration, type Duration, parseDuration } from "./duration.ts";
 * const twoHours: Duration | null = parseDuration("PT2H"); // { hours: 2, others 0 }
 * parseDuration("2 hours"); // null
 * addDuration(new Date("2026-03-01T00:00:00Z"), twoHours!).toISOString();
 * // "2026-03-01T02:00:00.000Z"
 * ```
 */
export function parseDuration(text: string): Duration | null {
  const m = PATTERN.exec(text);
  if (!m || text === "P" || text.endsWith("T")) return null;
  const [, y, mo, w, d, h, mi, s] = m;
  const duration: Duration = {
    years: Number(y ?? 0),
    months: Number(mo ?? 0),
    weeks: Number(w ?? 0),
    days: Number(d ?? 0),
    hours: Number(h ?? 0),
    minutes: Number(mi ?? 0),
    seconds: Number(s ?? 0),
  };
  const total = Object.values(duration).reduce((a, b) => a + b, 0);
  return total > 0 ? duration : null;
}

/** Beijing is UTC+8 all year (no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * Adds a duration to an instant in calendar time. Mainland China keeps no daylight saving, so a
 * day is always 24 hours; months and years follow the Beijing calendar and are clamped to the end
 * of a shorter month (2026-01-31 + P1M is 2026-02-28, not 2026-03-03), as people count them.
 *
 * @example
 * ```ts
 * import { addDuration, type Duration, parseDuration } from "./duration.ts";
 * const twoDays: Duration = parseDuration("P2D")!;
 * addDuration(new Date("2026-03-01T00:00:00Z"), twoDays).toISOString();
 * // "2026-03-03T00:00:00.000Z"
 * addDuration(new Date("2026-01-31T02:00:00Z"), parseDuration("P1M")!).toISOString();
 * // "2026-02-28T02:00:00.000Z"
 * ```
 */
export function addDuration(start: Date, duration: Duration): Date {
  let t = start.getTime();
  const months = duration.years * 12 + duration.months;
  if (months) {
    // Month arithmetic on the Beijing wall clock, clamped to the last day of the target month.
    const local = new Date(t + BEIJING_OFFSET_MS);
    const year = local.getUTCFullYear();
    const month = local.getUTCMonth() + months;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const day = Math.min(local.getUTCDate(), lastDay);
    const shifted = Date.UTC(
      year,
      month,
      day,
      local.getUTCHours(),
      local.getUTCMinutes(),
      local.getUTCSeconds(),
      local.getUTCMilliseconds(),
    );
    t = shifted - BEIJING_OFFSET_MS;
  }
  const ms =
    (((duration.weeks * 7 + duration.days) * 24 + duration.hours) * 60 + duration.minutes) *
      60_000 + duration.seconds * 1000;
  return new Date(t + ms);
}
