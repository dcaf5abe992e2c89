/** The languages Whistle's names come in. */
export type Locale = "zh" | "en";

function languageOf(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === "zh" || primary === "en" ? primary : null;
}

/**
 * The language of names in an Open311 answer: the `locale` parameter when it names zh or en
 * (`en`, `en_US`, `zh-CN`), else the first of zh/en in `Accept-Language` by preference, else
 * Chinese.
 *
 * @example
 * ```ts
 * import { pickLocale } from "./locale.ts";
 * pickLocale(undefined, "en-GB,en;q=0.9,zh;q=0.5"); // "en"
 * pickLocale("zh_CN", "en"); // "zh"
 * pickLocale(undefined, undefined); // "zh"
 * ```
 */
export function pickLocale(locale: string | undefined, acceptLanguage: string | undefined): Locale {
  const asked = locale ? languageOf(locale) : null;
  if (asked) return asked;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find((m) => m)?.[1];
      return { language: languageOf(tag), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry): entry is { language: Locale; q: number; index: number } =>
      entry.language !== null && entry.q > 0
    )
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.language ?? "zh";
}
