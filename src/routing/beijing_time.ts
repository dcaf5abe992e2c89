/**
 * The derived time facts `hour` and `weekday`, in Beijing time (UTC+8, no daylight saving).
 *
 * @module
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/** Hour (0–23) and ISO weekday (1 = Monday … 7 = Sunday) of an instant, in Beijing time. */
export interface BeijingTime {
  hour: number;
  weekday: number;
}

/**
 * The Beijing hour and weekday of an ISO 8601 instant, or `null` when the text is not a date.
 *
 * @example
 * ```ts
 * import { type BeijingTime, beijingTime } from "./beijing_time.ts";
 * // 23:30 UTC on Sunday 2026-03-01 is 07:30 on Monday in Beijing.
 * const t: BeijingTime | null = beijingTime("2026-03-01T23:30:00Z");
 * if (t?.hour !== 7 || t.weekday !== 1) throw new Error("unexpected");
 * ```
 */
export function beijingTime(instant: string): BeijingTime | null {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  const local = ms + BEIJING_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const hour = Math.floor((local - day * DAY_MS) / HOUR_MS);
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  const weekday = (((day + 3) % 7) + 7) % 7 + 1;
  return { hour, weekday };
}
