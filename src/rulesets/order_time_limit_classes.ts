import { addDuration, parseDuration } from "../routing/duration.ts";
import type { RulesetDocument, TimeLimitClass } from "../routing/ruleset.ts";

/**
 * The document with its time-limit classes in a stable, readable order: shortest resolution
 * limit first (then acceptance limit, then name), as the field lists them (2 hours, 2 days,
 * 7 days). The database stores documents as jsonb, which keeps no key order, so exports use this
 * order to write `ruleset.json` the same way every time.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { orderTimeLimitClasses } from "./order_time_limit_classes.ts";
 * const limits = (resolve: string) => ({
 *   name_zh: resolve, name_en: resolve, normal: { accept: "PT1H", resolve },
 * });
 * const ordered = orderTimeLimitClasses({
 *   name: "demo", fallback_unit: "YG", units: [], matter_types: [], exception_rules: [],
 *   time_limit_classes: { complex: limits("P7D"), small: limits("PT2H"), standard: limits("P2D") },
 * });
 * assert.deepEqual(Object.keys(ordered.time_limit_classes), ["small", "standard", "complex"]);
 * ```
 */
export function orderTimeLimitClasses(document: RulesetDocument): RulesetDocument {
  const entries = Object.entries(document.time_limit_classes).sort(([a, x], [b, y]) =>
    limit(x, "resolve") - limit(y, "resolve") || limit(x, "accept") - limit(y, "accept") ||
    (a < b ? -1 : a > b ? 1 : 0)
  );
  return { ...document, time_limit_classes: Object.fromEntries(entries) };
}

/** A limit's length in milliseconds from a fixed instant; unparseable limits sort last. */
function limit(timeLimitClass: TimeLimitClass, key: "accept" | "resolve"): number {
  const text = timeLimitClass.normal?.[key];
  const duration = typeof text === "string" ? parseDuration(text) : null;
  if (!duration) return Number.MAX_SAFE_INTEGER;
  const start = new Date(Date.UTC(2026, 0, 1));
  return addDuration(start, duration).getTime() - start.getTime();
}
