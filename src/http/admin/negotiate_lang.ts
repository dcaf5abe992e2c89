import type { Lang } from "../../../views/i18n/messages.ts";

/** The cookie that remembers the language switch. */
export const LANG_COOKIE = "whistle_lang";

/**
 * The page language: the remembered choice (cookie) when there is one, else the first
 * language of `Accept-Language` (by quality) that the admin speaks, else Chinese.
 *
 * @example
 * ```ts
 * import { LANG_COOKIE, negotiateLang } from "./negotiate_lang.ts";
 * negotiateLang(undefined, "en-GB,en;q=0.9,zh-CN;q=0.8"); // "en"
 * negotiateLang("zh", "en-US"); // "zh"
 * negotiateLang(undefined, "fr-FR,de;q=0.5"); // "zh"
 * LANG_COOKIE; // "whistle_lang"
 * ```
 */
export function negotiateLang(
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Lang {
  if (cookie === "zh" || cookie === "en") return cookie;
  const ranked = (acceptLanguage ?? "").split(",").map((part, index) => {
    const [tag, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return { tag, q: q === undefined ? 1 : Number(q), index };
  }).filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "zh";
}
