import type { Locale } from "./locale.ts";

/** Names of the four categories the field uses (see `validateMatterTypes`). */
const CATEGORY_NAMES: Record<string, Record<Locale, string>> = {
  dispute: { zh: "矛盾纠纷", en: "Disputes" },
  public_order: { zh: "社会治安", en: "Public order" },
  public_safety: { zh: "公共安全", en: "Public safety" },
  public_service: { zh: "公共服务", en: "Public services" },
};

/**
 * The name of a matter-type category in `locale` (the code itself for a category without one).
 *
 * @example
 * ```ts
 * import { categoryLabel } from "./category_label.ts";
 * categoryLabel("dispute", "zh"); // "矛盾纠纷"
 * categoryLabel("roads", "en"); // "roads"
 * ```
 */
export function categoryLabel(category: string, locale: Locale): string {
  return CATEGORY_NAMES[category]?.[locale] ?? category;
}
