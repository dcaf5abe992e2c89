/**
 * Durations in words, for decision reasons.
 *
 * @module
 */

import type { Bilingual } from "./decision.ts";
import type { Duration } from "./duration.ts";

const PARTS: readonly { key: keyof Duration; zh: string; en: string }[] = [
  { key: "years", zh: "年", en: "year" },
  { key: "months", zh: "个月", en: "month" },
  { key: "weeks", zh: "周", en: "week" },
  { key: "days", zh: "天", en: "day" },
  { key: "hours", zh: "小时", en: "hour" },
  { key: "minutes", zh: "分钟", en: "minute" },
  { key: "seconds", zh: "秒", en: "second" },
];

/**
 * A duration in words, in Chinese and English.
 *
 * @example
 * ```ts
 * import { describeDuration } from "./describe_duration.ts";
 * import { parseDuration } from "./duration.ts";
 * const words = describeDuration(parseDuration("P1DT12H")!);
 * if (words.zh !== "1天12小时" || words.en !== "1 day 12 hours") throw new Error(words.en);
 * ```
 */
export function describeDuration(duration: Duration): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  for (const { key, zh: unitZh, en: unitEn } of PARTS) {
    const n = duration[key];
    if (!n) continue;
    zh.push(`${n}${unitZh}`);
    en.push(`${n} ${unitEn}${n === 1 ? "" : "s"}`);
  }
  return zh.length ? { zh: zh.join(""), en: en.join(" ") } : { zh: "0秒", en: "0 seconds" };
}
