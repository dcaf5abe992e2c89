/**
 * The `assign` rules of a ruleset in the order `decide()` weighs them, for the checks that
 * compare rules with each other.
 *
 * @module
 */

import type { ExceptionRule, RulesetDocument } from "../routing/ruleset.ts";
import type { ImplicationContext } from "./condition_implies.ts";

/** An `assign` rule with what decides whether it wins. */
export interface AssignRule {
  rule: ExceptionRule;
  /** The rule's name, or `#index` when it has none. */
  item: string;
  /** json-rules-engine's priority (default 1, integer part), as `decide()` reads it. */
  priority: number;
  /** Position in `exception_rules`: an earlier rule wins a tie. */
  order: number;
  owner: string;
}

/**
 * The rules whose event is `assign` with an owner, in document order. Of the matching ones,
 * `decide()` takes the highest priority, and on a tie the earliest.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { assignRules } from "./assign_rules.ts";
 * const rules = assignRules({
 *   name: "demo", fallback_unit: "YG", time_limit_classes: {}, units: [], matter_types: [],
 *   exception_rules: [
 *     { name: "a", conditions: { all: [] }, event: { type: "assign", params: { owner: "X" } } },
 *     { name: "b", priority: 5, conditions: { all: [] }, event: { type: "raise_level" } },
 *   ],
 * });
 * assert.deepEqual(rules.map((r) => [r.item, r.priority, r.owner]), [["a", 1, "X"]]);
 * ```
 */
export function assignRules(document: RulesetDocument): AssignRule[] {
  const rules: AssignRule[] = [];
  document.exception_rules.forEach((rule, order) => {
    const event = rule.event as { type?: unknown; params?: { owner?: unknown } };
    const owner = event.params?.owner;
    if (event.type !== "assign" || typeof owner !== "string") return;
    const item = typeof rule.name === "string" && rule.name.trim() !== "" ? rule.name : `#${order}`;
    rules.push({
      rule,
      item,
      priority: Number.parseInt(String(rule.priority || 1), 10),
      order,
      owner,
    });
  });
  return rules;
}

/** True when `a` is weighed before `b`: higher priority, or the same priority and earlier. */
export function winsOver(a: AssignRule, b: AssignRule): boolean {
  return a.priority > b.priority || (a.priority === b.priority && a.order < b.order);
}

/** Matter type → category, from the ruleset itself (the `category` fact is derived so). */
export function implicationContext(document: RulesetDocument): ImplicationContext {
  const categories = new Map(document.matter_types.map((type) => [type.code, type.category]));
  return { categoryOf: (type) => categories.get(type) };
}
