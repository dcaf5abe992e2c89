/**
 * Texts the lifecycle writes into reasons and notes: instants in Beijing time, spans in words.
 *
 * @module
 */

import type { Bilingual } from "../routing/decision.ts";

/**
 * An instant as Beijing wall-clock time, e.g. `2026-11-23 10:00`.
 *
 * @example
 * ```ts
 * import { beijingText, spanText } from "./lifecycle_text.ts";
 * beijingText(new Date("2026-11-23T02:00:00Z")); // "2026-11-23 10:00"
 * spanText(3_900_000).en; // "1 hour 5 minutes"
 * ```
 */
export function beijingText(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

/** A span of time in words (days, hours, minutes), in both languages. */
export function spanText(ms: number): Bilingual {
  let minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const zh: string[] = [];
  const en: string[] = [];
  const part = (n: number, z: string, e: string) => {
    if (!n) return;
    zh.push(`${n}${z}`);
    en.push(`${n} ${e}${n === 1 ? "" : "s"}`);
  };
  part(days, "天", "day");
  part(hours, "小时", "hour");
  part(minutes, "分钟", "minute");
  return zh.length
    ? { zh: zh.join(""), en: en.join(" ") }
    : { zh: "不到1分钟", en: "under a minute" };
}
