import type { Locale } from "./locale.ts";
import { w3cDatetime } from "./w3c_datetime.ts";

/**
 * Open311's `service_notice`: who handles the request and by when (Beijing time).
 *
 * @example
 * ```ts
 * import { serviceNotice } from "./service_notice.ts";
 * serviceNotice("云冈区民政局", new Date("2026-11-25T02:00:00Z"), "zh");
 * // "已交由云冈区民政局办理，应于 2026-11-25 10:00（北京时间）前办结"
 * ```
 */
export function serviceNotice(agency: string, resolveBy: Date, locale: Locale): string {
  const when = w3cDatetime(resolveBy).slice(0, 16).replace("T", " ");
  return locale === "zh"
    ? `已交由${agency}办理，应于 ${when}（北京时间）前办结`
    : `Assigned to ${agency}; to be resolved by ${when} (Beijing time)`;
}
