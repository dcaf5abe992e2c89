/**
 * Small formatting helpers shared by the admin views: times in Beijing time, names in the page's
 * language, durations in words.
 *
 * @module
 */

import { describeDuration } from "../../src/routing/describe_duration.ts";
import { parseDuration } from "../../src/routing/duration.ts";
import type { Lang } from "../i18n/messages.ts";

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * An instant as `YYYY-MM-DD HH:mm` in Beijing time (UTC+8).
 *
 * @example
 * ```ts
 * import { beijingDateTime, durationWords, localName } from "./format.ts";
 * beijingDateTime(new Date("2026-11-23T02:05:00Z")); // "2026-11-23 10:05"
 * durationWords("P2D", "en"); // "2 days"
 * localName({ name_zh: "民政局", name_en: "Civil Affairs Bureau" }, "zh"); // "民政局"
 * ```
 */
export function beijingDateTime(at: Date | string): string {
  const ms = typeof at === "string" ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) return String(at);
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** An ISO 8601 duration in words (`PT2H` → `2小时` / `2 hours`); the text itself if unparsable. */
export function durationWords(iso: string, lang: Lang): string {
  const duration = parseDuration(iso);
  return duration ? describeDuration(duration)[lang] : iso;
}

/** The name of a unit or matter type in the page's language (the other one if empty). */
export function localName(item: { name_zh: string; name_en: string }, lang: Lang): string {
  return (lang === "zh" ? item.name_zh : item.name_en) || item.name_zh || item.name_en;
}
