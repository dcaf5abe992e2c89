/**
 * Refuses pairs of exception rules that claim the same cases for different owners at the same
 * priority: which owner gets such a case would depend only on the order of the file.
 *
 * @module
 */

import type { RulesetDocument } from "../routing/ruleset.ts";
import { type AssignRule, assignRules, implicationContext } from "./assign_rules.ts";
import { conditionImplies } from "./condition_implies.ts";
import { type Finding, RULESET_FILES } from "./finding.ts";

/**
 * Finds pairs of `assign` rules with the same priority and different owners where one rule's
 * conditions imply the other's (identical conditions included): every case the narrower rule
 * matches is claimed by both, and only the order in `exception_rules.json` picks the owner.
 * Each pair is one error on the later rule, naming both. Implication is decided by
 * {@link conditionImplies} (sound: a reported pair really overlaps), so a rule restricted to
 * other matter types never conflicts.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { findConflictingRules } from "./find_conflicting_rules.ts";
 * const wages = { all: [{ fact: "text", operator: "containsText", value: "欠薪" }] };
 * const findings = findConflictingRules({
 *   name: "demo", fallback_unit: "YG", time_limit_classes: {}, units: [], matter_types: [],
 *   exception_rules: [
 *     { name: "wages-to-hr", priority: 40, conditions: wages,
 *       event: { type: "assign", params: { owner: "YG-RSJ" } } },
 *     { name: "wages-to-petitions", priority: 40, conditions: wages,
 *       event: { type: "assign", params: { owner: "YG-XFJ" } } },
 *   ],
 * });
 * assert.deepEqual(findings.map((f) => [f.severity, f.item, f.field]), [
 *   ["error", "wages-to-petitions", "priority"],
 * ]);
 * ```
 */
export function findConflictingRules(document: RulesetDocument): Finding[] {
  const rules = assignRules(document);
  const context = implicationContext(document);
  const findings: Finding[] = [];
  rules.forEach((later, i) => {
    for (const earlier of rules.slice(0, i)) {
      if (earlier.priority !== later.priority || earlier.owner === later.owner) continue;
      const laterInEarlier = conditionImplies(
        later.rule.conditions,
        earlier.rule.conditions,
        context,
      );
      const earlierInLater = conditionImplies(
        earlier.rule.conditions,
        later.rule.conditions,
        context,
      );
      if (laterInEarlier || earlierInLater) {
        findings.push(conflict(earlier, later, laterInEarlier && earlierInLater));
      }
    }
  });
  return findings;
}

function conflict(earlier: AssignRule, later: AssignRule, identical: boolean): Finding {
  const overlap = identical
    ? { zh: "条件等价，命中完全相同的案件", en: "their conditions match exactly the same cases" }
    : {
      zh: "一条规则的条件蕴含另一条，较窄的那部分案件两条都命中",
      en: "one rule's conditions imply the other's, so both match the narrower rule's cases",
    };
  return {
    severity: "error",
    file: RULESET_FILES.exception_rules,
    item: later.item,
    field: "priority",
    message: {
      zh: `规则“${earlier.item}”（指派 ${earlier.owner}）与“${later.item}”（指派 ${later.owner}）` +
        `优先级同为 ${later.priority}，${overlap.zh}；这些案件归谁只取决于文件中的先后顺序。` +
        `请调整其中一条的优先级，或让两者的条件互斥`,
      en: `rules "${earlier.item}" (assigns ${earlier.owner}) and "${later.item}" (assigns ` +
        `${later.owner}) have the same priority ${later.priority} and ${overlap.en}; only their ` +
        `order in the file would decide the owner. Give one of them a higher priority, or make ` +
        `their conditions exclusive`,
    },
  };
}
