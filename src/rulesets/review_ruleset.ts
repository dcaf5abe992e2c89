/**
 * Every finding about a ruleset before it may be published: the validation `rules/` gets, plus
 * the checks that compare exception rules with each other.
 *
 * @module
 */

import { findConflictingRules } from "./find_conflicting_rules.ts";
import { findShadowedRules } from "./find_shadowed_rules.ts";
import type { Finding } from "./finding.ts";
import { parseRulesetDocument } from "./parse_ruleset_document.ts";
import { rulesetDocumentSchema } from "./ruleset_schema.ts";
import { validateRuleset } from "./validate_ruleset.ts";

/**
 * Checks a ruleset document (a draft, an imported one): its shape, then `validateRuleset()`,
 * then rules that can never take effect (warnings, {@link findShadowedRules}) and rules that
 * claim the same cases for different owners at one priority (errors,
 * {@link findConflictingRules}). A shape problem stops there, with the findings
 * `parseRulesetDocument()` gives. Any `error` means the document must not be published.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reviewRuleset } from "./review_ruleset.ts";
 * const findings = reviewRuleset({
 *   name: "demo",
 *   fallback_unit: "YG",
 *   time_limit_classes: {},
 *   units: [{ code: "YG", name_zh: "云冈区", name_en: "Yungang", tier: "city", parent: null }],
 *   matter_types: [],
 *   exception_rules: [
 *     { name: "all-to-yg", conditions: { all: [] }, event: { type: "assign", params: { owner: "YG" } } },
 *     { name: "also-all", conditions: { all: [] }, event: { type: "assign", params: { owner: "YG" } } },
 *   ],
 * });
 * assert.ok(findings.some((f) => f.item === "also-all" && f.severity === "warning"));
 * ```
 */
export function reviewRuleset(input: unknown): Finding[] {
  const shape = rulesetDocumentSchema.safeParse(input);
  if (!shape.success) {
    const parsed = parseRulesetDocument(input);
    return parsed.ok ? parsed.warnings : parsed.findings;
  }
  const document = shape.data;
  return [
    ...validateRuleset(document),
    ...findShadowedRules(document),
    ...findConflictingRules(document),
  ];
}

/** True when any finding is an error (the ruleset must not be published or activated). */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === "error");
}
