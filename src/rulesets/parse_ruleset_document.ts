/**
 * Checks a ruleset document that arrives as one JSON value (an API body, a stored version),
 * with the same findings `loadRulesetDir()` gives for the files.
 *
 * @module
 */

import type { z } from "zod";
import type { RulesetDocument } from "../routing/ruleset.ts";
import { type Finding, RULESET_FILES, type RulesetFileName } from "./finding.ts";
import { rulesetDocumentSchema } from "./ruleset_schema.ts";
import { validateRuleset } from "./validate_ruleset.ts";
import { zodIssuesToFindings } from "./zod_issues_to_findings.ts";

/** The outcome: the document and its warnings, or every finding when any is an error. */
export type ParsedRuleset =
  | { ok: true; document: RulesetDocument; warnings: Finding[] }
  | { ok: false; findings: Finding[] };

type Issue = z.ZodError["issues"][number];

/** The document keys held in their own files; every other key belongs to `ruleset.json`. */
const LIST_FILES: Record<string, RulesetFileName> = {
  units: RULESET_FILES.units,
  matter_types: RULESET_FILES.matter_types,
  exception_rules: RULESET_FILES.exception_rules,
};

/**
 * Shape-checks `input` as a {@link RulesetDocument}, then validates it. Findings name the file
 * the problem would be in (`units.json`, ...), the item and the field, as for `rules/`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type ParsedRuleset, parseRulesetDocument } from "./parse_ruleset_document.ts";
 * const parsed: ParsedRuleset = parseRulesetDocument({
 *   name: "demo",
 *   fallback_unit: "YG",
 *   time_limit_classes: {},
 *   units: [{ code: "YG", name_zh: "云冈区", name_en: "Yungang", tier: "distrct", parent: null }],
 *   matter_types: [],
 *   exception_rules: [],
 * });
 * assert.ok(!parsed.ok);
 * assert.deepEqual(
 *   parsed.findings.map((f) => [f.file, f.item, f.field]),
 *   [["units.json", "YG", "tier"]],
 * );
 * ```
 */
export function parseRulesetDocument(input: unknown): ParsedRuleset {
  const result = rulesetDocumentSchema.safeParse(input);
  if (!result.success) {
    // Per file, so that a mistyped field can be matched with the missing one next to it.
    const root = isRecord(input) ? input : {};
    const byFile = new Map<RulesetFileName, { input: unknown; issues: Issue[] }>();
    for (const issue of result.error.issues) {
      const [head, ...rest] = issue.path;
      const listFile = typeof head === "string" ? LIST_FILES[head] : undefined;
      const file = listFile ?? RULESET_FILES.ruleset;
      const part = byFile.get(file) ??
        { input: listFile !== undefined ? root[String(head)] : input, issues: [] };
      part.issues.push(listFile !== undefined ? { ...issue, path: rest } : issue);
      byFile.set(file, part);
    }
    const findings = [...byFile].flatMap(([file, part]) =>
      zodIssuesToFindings(file, part.input, part.issues)
    );
    return { ok: false, findings };
  }
  const findings = validateRuleset(result.data);
  if (findings.some((finding) => finding.severity === "error")) return { ok: false, findings };
  return { ok: true, document: result.data, warnings: findings };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
