/**
 * What the compiled index knows about a rule before running it: the matter types it is limited
 * to, and its "gates", necessary conditions taken from the items of its top-level `all` (nested
 * `all`s flattened): plain comparisons, `any`/`all` groups of them and `not` of an exact one. A
 * case that fails a gate cannot match the rule. Gates call json-rules-engine's own operator objects on the same values
 * the engine would see, so they cannot disagree with it.
 *
 * A rule whose whole condition tree is made of such gates is *exact*: passing its gates is
 * matching it, and json-rules-engine need not run it (its `Rule#evaluate` deep-clones the whole
 * condition tree on every call, which costs more than the rest of a decision). Anything else (a
 * `path`, `params`, a value naming another fact, `not` of something inexact, an empty `any`, a
 * condition reference) is left to json-rules-engine.
 *
 * Classification follows json-rules-engine 7 (`Rule#evaluate`, `Condition`): a condition is a
 * reference if it has `condition`, else `any`, `all` or `not` in that order, else a comparison.
 *
 * @module
 */

import { FACTS } from "./facts.ts";
import type { Condition, TopLevelCondition } from "./ruleset.ts";

/** Fact names in slot order: `decide()` passes fact values as an array in this order. */
export const FACT_NAMES: readonly string[] = FACTS.map((fact) => fact.name);

/** The slot of the `type` fact. */
export const TYPE_SLOT: number = FACT_NAMES.indexOf("type");

/** The slot of the `category` fact. */
export const CATEGORY_SLOT: number = FACT_NAMES.indexOf("category");

/**
 * A necessary condition of a rule: when `test` is false the rule cannot match. `slots` are the
 * fact slots it reads (-1 for a fact `decide()` never sets, which is always undefined). `test`
 * throws when an operator throws; the caller then leaves the rule to the engine.
 */
export interface Gate {
  readonly slots: readonly number[];
  /** True when the gate is equivalent to the condition it comes from, not just implied by it. */
  readonly exact: boolean;
  test(values: readonly unknown[]): boolean;
}

/** Finds json-rules-engine's operator for a name (`null` when the engine has none). */
export type OperatorLookup = (
  name: string,
) => ((factValue: unknown, value: unknown) => boolean) | null;

/** The index's view of one rule. */
export interface RuleShape {
  /** One gate per top-level `all` item that gives one (nested `all`s flattened). */
  gates: Gate[];
  /** True when the gates together are equivalent to the rule's conditions. */
  exact: boolean;
  /** Matter type codes the rule is limited to, or `null` when it applies to every type. */
  types: string[] | null;
}

type Leaf = Extract<Condition, { fact: string }>;
type Kind = "reference" | "any" | "all" | "not" | "leaf";

function kindOf(condition: Condition | TopLevelCondition): Kind {
  if (Object.hasOwn(condition, "condition")) return "reference";
  if (Object.hasOwn(condition, "any")) return "any";
  if (Object.hasOwn(condition, "all")) return "all";
  if (Object.hasOwn(condition, "not")) return "not";
  return "leaf";
}

function children(condition: Condition | TopLevelCondition, key: "any" | "all"): Condition[] {
  const list = (condition as Record<string, unknown>)[key];
  return Array.isArray(list) ? list : [];
}

function isFactReference(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.hasOwn(value, "fact");
}

/** The type codes a comparison limits a rule to (`type equal X`, `type in [X, Y]`), else null. */
function typeCodes(leaf: Leaf): string[] | null {
  if (leaf.fact !== "type" || leaf.path !== undefined || leaf.params !== undefined) return null;
  if (leaf.operator === "equal" && typeof leaf.value === "string") return [leaf.value];
  if (
    leaf.operator === "in" && Array.isArray(leaf.value) &&
    leaf.value.every((code) => typeof code === "string")
  ) {
    return [...new Set(leaf.value as string[])];
  }
  return null;
}

function leafGate(leaf: Leaf, lookup: OperatorLookup): Gate | null {
  if (
    typeof leaf.fact !== "string" || leaf.path !== undefined || leaf.params !== undefined ||
    isFactReference(leaf.value)
  ) {
    return null;
  }
  const evaluate = lookup(leaf.operator);
  if (!evaluate) return null;
  const slot = FACT_NAMES.indexOf(leaf.fact);
  const value = leaf.value;
  return {
    slots: [slot],
    exact: true,
    test: (values) => evaluate(slot === -1 ? undefined : values[slot], value) === true,
  };
}

function slotsOf(gates: readonly Gate[]): number[] {
  return [...new Set(gates.flatMap((gate) => gate.slots))];
}

/** `any`: gated only when every alternative is (else nothing can be ruled out). */
function anyGate(conditions: readonly Condition[], lookup: OperatorLookup): Gate | null {
  if (conditions.length === 0) return null; // json-rules-engine counts an empty any as true
  const gates: Gate[] = [];
  for (const condition of conditions) {
    const gate = necessaryGate(condition, lookup);
    if (!gate) return null;
    gates.push(gate);
  }
  if (gates.length === 1) return gates[0];
  return {
    slots: slotsOf(gates),
    exact: gates.every((gate) => gate.exact),
    test: (values) => gates.some((gate) => gate.test(values)),
  };
}

/** `all` inside `any`: the gates of the items that have one. */
function allGate(conditions: readonly Condition[], lookup: OperatorLookup): Gate | null {
  const gates: Gate[] = [];
  let exact = true;
  for (const condition of conditions) {
    const gate = necessaryGate(condition, lookup);
    if (gate) gates.push(gate);
    exact &&= gate !== null && gate.exact;
  }
  if (gates.length === 0) return null;
  if (gates.length === 1 && exact) return gates[0];
  return {
    slots: slotsOf(gates),
    exact,
    test: (values) => gates.every((gate) => gate.test(values)),
  };
}

/** A necessary condition of `condition`, or `null` when none is known. */
function necessaryGate(condition: Condition, lookup: OperatorLookup): Gate | null {
  switch (kindOf(condition)) {
    case "leaf":
      return leafGate(condition as Leaf, lookup);
    case "all":
      return allGate(children(condition, "all"), lookup);
    case "any":
      return anyGate(children(condition, "any"), lookup);
    case "not": {
      // Only an exact gate can be negated: a merely necessary one says nothing about `not`.
      const inner = necessaryGate((condition as { not: Condition }).not, lookup);
      return inner?.exact ? { slots: inner.slots, exact: true, test: (v) => !inner.test(v) } : null;
    }
    default:
      return null;
  }
}

/**
 * The gates, exactness and type limits of a rule's conditions (see the module doc).
 */
export function ruleGates(conditions: TopLevelCondition, lookup: OperatorLookup): RuleShape {
  const gates: Gate[] = [];
  let exact = true;
  let types: string[] | null = null;
  const visit = (condition: Condition): void => {
    const kind = kindOf(condition);
    if (kind === "all") {
      for (const child of children(condition, "all")) visit(child);
      return;
    }
    const gate = necessaryGate(condition, lookup);
    if (gate) gates.push(gate);
    exact &&= gate !== null && gate.exact;
    const codes = kind === "leaf" ? typeCodes(condition as Leaf) : null;
    if (codes && (types === null || codes.length < types.length)) types = codes;
  };
  const top = ["condition", "any", "all", "not"].filter((key) => Object.hasOwn(conditions, key));
  if (top.length === 1 && top[0] === "all") {
    visit(conditions);
  } else if (top.length === 1 && top[0] === "any") {
    const gate = anyGate(children(conditions, "any"), lookup);
    if (gate) gates.push(gate);
    exact = gate !== null && gate.exact;
  } else {
    exact = false;
  }
  return { gates, exact, types };
}
