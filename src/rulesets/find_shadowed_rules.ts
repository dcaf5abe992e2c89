/**
 * Warns about exception rules that can never take effect because a rule weighed before them
 * always matches too.
 *
 * @module
 */

import type { RulesetDocument } from "../routing/ruleset.ts";
import { type AssignRule, assignRules, implicationContext, winsOver } from "./assign_rules.ts";
import { alwaysTrue, conditionImplies } from "./condition_implies.ts";
import { type Finding, RULESET_FILES } from "./finding.ts";

/**
 * Finds `assign` rules that never decide an owner: for each one, a rule that `decide()` weighs
 * first (a higher priority, or the same priority and earlier in the file) whose conditions are
 * implied by this rule's conditions, so it matches every case this one matches and wins.
 *
 * The approximation, and why it is sound: conditions are compared with
 * {@link conditionImplies}, which answers "implies" only when it can prove it (identical
 * normalized conditions, `all`/`any` structure, value sets, number ranges, substrings, a
 * matter type's category). A rule restricted to other matter types is never implied, so only
 * rules whose scope covers this rule's scope are candidates. A warning, not an error: the shadowed
 * rule still takes effect when the winner's owner has returned the case (退单) and is excluded.
 * Pairs at the same priority with different owners are left to `findConflictingRules()`, which
 * reports them as errors. `raise_level` rules are not compared: every matching raise applies.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { findShadowedRules } from "./find_shadowed_rules.ts";
 * const elec = { fact: "type", operator: "equal", value: "MT-PS-ELEC" };
 * const findings = findShadowedRules({
 *   name: "demo", fallback_unit: "YG", time_limit_classes: {}, units: [], matter_types: [],
 *   exception_rules: [
 *     { name: "power-to-grid", priority: 50, conditions: { all: [elec] },
 *       event: { type: "assign", params: { owner: "DT-GWGD" } } },
 *     { name: "urgent-power-to-center", priority: 10,
 *       conditions: { all: [elec, { fact: "urgency", operator: "equal", value: "urgent" }] },
 *       event: { type: "assign", params: { owner: "YG-ZZZX" } } },
 *   ],
 * });
 * assert.deepEqual(findings.map((f) => [f.severity, f.item, f.field]), [
 *   ["warning", "urgent-power-to-center", "conditions"],
 * ]);
 * assert.match(findings[0].message.en, /"power-to-grid"/);
 * ```
 */
export function findShadowedRules(document: RulesetDocument): Finding[] {
  const rules = assignRules(document);
  const context = implicationContext(document);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const winner = rules.find((other) =>
      other !== rule && winsOver(other, rule) &&
      !(other.priority === rule.priority && other.owner !== rule.owner) &&
      conditionImplies(rule.rule.conditions, other.rule.conditions, context)
    );
    if (winner) findings.push(shadowed(rule, winner));
  }
  return findings;
}

function shadowed(rule: AssignRule, winner: AssignRule): Finding {
  const why = winner.priority > rule.priority
    ? {
      zh: `优先级 ${winner.priority} 高于 ${rule.priority}`,
      en: `priority ${winner.priority} > ${rule.priority}`,
    }
    : {
      zh: `同为优先级 ${rule.priority}，且在文件中排在前面`,
      en: `same priority ${rule.priority}, earlier in the file`,
    };
  const scope = alwaysTrue(winner.rule.conditions)
    ? { zh: "它对所有案件都成立", en: "it matches every case" }
    : {
      zh: "凡是本规则命中的案件它都命中",
      en: "it matches every case this rule matches",
    };
  return {
    severity: "warning",
    file: RULESET_FILES.exception_rules,
    item: rule.item,
    field: "conditions",
    message: {
      zh: `规则“${rule.item}”永远不会生效：规则“${winner.item}”先于它（${why.zh}），${scope.zh}，` +
        `并指派给 ${winner.owner}（仅当 ${winner.owner} 退单时本规则才可能生效）；` +
        `请删除本规则、收窄“${winner.item}”的条件，或调高本规则的优先级`,
      en: `rule "${rule.item}" can never take effect: rule "${winner.item}" is weighed first ` +
        `(${why.en}), ${scope.en}, and assigns to ${winner.owner} (this rule only applies when ` +
        `${winner.owner} has returned the case); remove this rule, narrow "${winner.item}", or ` +
        `give this rule a higher priority`,
    },
  };
}
