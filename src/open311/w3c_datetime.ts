const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * An instant as a W3C datetime in Beijing time (`+08:00`), to the second, as Open311 answers
 * dates; `null` stays `null`.
 *
 * @example
 * ```ts
 * import { w3cDatetime } from "./w3c_datetime.ts";
 * w3cDatetime(new Date("2026-11-23T02:00:00Z")); // "2026-11-23T10:00:00+08:00"
 * ```
 */
export function w3cDatetime(instant: Date): string;
export function w3cDatetime(instant: Date | null): string | null;
export function w3cDatetime(instant: Date | null): string | null {
  if (instant === null) return null;
  const local = new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}
