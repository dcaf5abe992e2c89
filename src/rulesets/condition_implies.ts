/**
 * Does one json-rules-engine condition imply another? A sound approximation, used to find rules
 * that can never take effect and rules that claim the same cases.
 *
 * "Sound" means: when {@link conditionImplies} answers `true`, every case that satisfies the
 * premise satisfies the conclusion too. It may answer `false` for a true implication it cannot
 * see (then a check reports nothing, which is the safe side).
 *
 * What it understands:
 * - `all` / `any` nesting: `p ⇒ all[q…]` when p implies each; `any[p…] ⇒ q` when each implies q;
 *   `all[p…] ⇒ q` when one of them does; `p ⇒ any[q…]` when p implies one of them. `all: []` is
 *   always true; `any: []` never matches and is treated as implying nothing.
 * - comparisons of the same fact with plain values: `equal`/`in` as value sets (`equal x ⇒ in
 *   [x, y]`, `in S ⇒ in T` when S ⊆ T, `⇒ notEqual`/`notIn` when disjoint, numeric bounds);
 *   the number operators as intervals (`greaterThan 22 ⇒ greaterThanInclusive 20`);
 *   `containsText`/`containsAnyText` by substrings (`containsText "燃气泄漏" ⇒ containsText
 *   "燃气"`), as the custom operators match exact substrings; `notEqual`/`notIn` by inclusion.
 * - `type equal X` (or `in [X, …]`) ⇒ a condition on `category`, through the ruleset's own
 *   matter types (the category fact is derived from the type).
 * - anything else (`not`, `path`, `params`, a value naming another fact, a shared condition
 *   reference) only as identical conditions: same canonical JSON, ignoring the condition's
 *   `name` and `priority`, which do not change what it matches.
 *
 * @module
 */

import { canonicalJson } from "../lib/canonical_json.ts";

/** What implication may know about the ruleset: the category of each matter type. */
export interface ImplicationContext {
  categoryOf(type: string): string | undefined;
}

const NO_CONTEXT: ImplicationContext = { categoryOf: () => undefined };

/** Nesting deeper than this is not analysed (answers `false`). */
const MAX_DEPTH = 32;

/**
 * True when every case matching `premise` also matches `conclusion` (sound, not complete).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { conditionImplies } from "./condition_implies.ts";
 * const narrow = {
 *   all: [
 *     { fact: "type", operator: "equal", value: "MT-PS-ELEC" },
 *     { fact: "urgency", operator: "equal", value: "urgent" },
 *   ],
 * };
 * const wide = { all: [{ fact: "type", operator: "in", value: ["MT-PS-ELEC", "MT-PS-HEAT"] }] };
 * assert.equal(conditionImplies(narrow, wide), true);
 * assert.equal(conditionImplies(wide, narrow), false);
 * ```
 */
export function conditionImplies(
  premise: unknown,
  conclusion: unknown,
  context: ImplicationContext = NO_CONTEXT,
): boolean {
  return implies(premise, conclusion, context, 0);
}

/** True when the condition matches every case (an `all` of nothing, possibly nested). */
export function alwaysTrue(condition: unknown): boolean {
  return isRecord(condition) && Array.isArray(condition.all) &&
    condition.all.every((item) => alwaysTrue(item));
}

function implies(p: unknown, q: unknown, ctx: ImplicationContext, depth: number): boolean {
  if (depth > MAX_DEPTH || !isRecord(p) || !isRecord(q)) return false;
  const next = depth + 1;
  if (Array.isArray(q.all)) return q.all.every((item) => implies(p, item, ctx, next));
  if (Array.isArray(p.any) && p.any.length > 0) {
    if (p.any.every((item) => implies(item, q, ctx, next))) return true;
  }
  if (Array.isArray(p.all) && p.all.some((item) => implies(item, q, ctx, next))) return true;
  if (Array.isArray(q.any) && q.any.some((item) => implies(p, item, ctx, next))) return true;
  return leafImplies(p, q, ctx);
}

/** A comparison of a fact with a plain value (no path, params or fact reference). */
interface Comparison {
  fact: string;
  operator: string;
  value: unknown;
}

function comparison(condition: Record<string, unknown>): Comparison | null {
  const { fact, operator, value } = condition;
  if (typeof fact !== "string" || typeof operator !== "string") return null;
  if (condition.path !== undefined || condition.params !== undefined) return null;
  if (isRecord(value) && "fact" in value) return null;
  return { fact, operator, value };
}

function leafImplies(
  p: Record<string, unknown>,
  q: Record<string, unknown>,
  ctx: ImplicationContext,
): boolean {
  if (canonicalJson(semantic(p)) === canonicalJson(semantic(q))) return true;
  const a = comparison(p);
  const b = comparison(q);
  if (!a || !b) return false;
  if (a.fact === b.fact) return comparisonImplies(a, b);
  if (a.fact === "type" && b.fact === "category") {
    const types = valueSet(a);
    if (!types || types.length === 0) return false;
    const categories: unknown[] = [];
    for (const type of types) {
      const category = typeof type === "string" ? ctx.categoryOf(type) : undefined;
      if (category === undefined) return false;
      categories.push(category);
    }
    return comparisonImplies({ fact: "category", operator: "in", value: categories }, b);
  }
  return false;
}

/** The condition without the keys that do not change what it matches, at every depth. */
function semantic(condition: unknown): unknown {
  if (!isRecord(condition)) return condition;
  const { name: _name, priority: _priority, ...rest } = condition;
  if (Array.isArray(rest.all)) rest.all = rest.all.map(semantic);
  if (Array.isArray(rest.any)) rest.any = rest.any.map(semantic);
  if (rest.not !== undefined) rest.not = semantic(rest.not);
  return rest;
}

/** The values a comparison allows when it is a finite set (`equal`, `in`), else null. */
function valueSet(c: Comparison): unknown[] | null {
  if (c.operator === "equal") return [c.value];
  if (c.operator === "in" && Array.isArray(c.value)) return c.value;
  return null;
}

/** The values a comparison forbids (`notEqual`, `notIn`), else null. */
function excludedSet(c: Comparison): unknown[] | null {
  if (c.operator === "notEqual") return [c.value];
  if (c.operator === "notIn" && Array.isArray(c.value)) return c.value;
  return null;
}

interface Interval {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

/** The numbers a number operator allows, else null. */
function interval(c: Comparison): Interval | null {
  if (typeof c.value !== "number" || !Number.isFinite(c.value)) return null;
  const v = c.value;
  switch (c.operator) {
    case "lessThan":
      return { lo: -Infinity, loOpen: true, hi: v, hiOpen: true };
    case "lessThanInclusive":
      return { lo: -Infinity, loOpen: true, hi: v, hiOpen: false };
    case "greaterThan":
      return { lo: v, loOpen: true, hi: Infinity, hiOpen: true };
    case "greaterThanInclusive":
      return { lo: v, loOpen: false, hi: Infinity, hiOpen: true };
    default:
      return null;
  }
}

function inInterval(value: unknown, range: Interval): boolean {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  const aboveLo = range.loOpen ? value > range.lo : value >= range.lo;
  const belowHi = range.hiOpen ? value < range.hi : value <= range.hi;
  return aboveLo && belowHi;
}

function intervalWithin(inner: Interval, outer: Interval): boolean {
  const loOk = outer.lo < inner.lo || (outer.lo === inner.lo && (!outer.loOpen || inner.loOpen));
  const hiOk = outer.hi > inner.hi || (outer.hi === inner.hi && (!outer.hiOpen || inner.hiOpen));
  return loOk && hiOk;
}

/** Words of a text comparison that the fact contains (all of them / at least one), else null. */
function textWords(c: Comparison): { words: string[]; mode: "all" | "any" } | null {
  if (c.operator === "containsText" && typeof c.value === "string") {
    return { words: [c.value], mode: "all" };
  }
  if (
    c.operator === "containsAnyText" && Array.isArray(c.value) &&
    c.value.every((word) => typeof word === "string")
  ) {
    return { words: c.value as string[], mode: "any" };
  }
  return null;
}

/** Two comparisons of the same fact: does `a` imply `b`? */
function comparisonImplies(a: Comparison, b: Comparison): boolean {
  const values = valueSet(a);
  if (values) {
    if (values.length === 0) return false; // never matches: nothing to say
    return values.every((value) => valueSatisfies(value, b));
  }
  const range = interval(a);
  if (range) {
    const other = interval(b);
    if (other) return intervalWithin(range, other);
    const excluded = excludedSet(b);
    return excluded !== null && excluded.every((value) => !inInterval(value, range));
  }
  const text = textWords(a);
  if (text) {
    const target = textWords(b);
    if (!target || text.words.length === 0) return false;
    // Every way `a` can match puts some word of `a` in the text; that word must carry `b`.
    const carries = (word: string) =>
      target.mode === "any"
        ? target.words.some((needle) => word.includes(needle))
        : target.words.every((needle) => word.includes(needle));
    return text.mode === "all"
      ? target.mode === "all"
        ? target.words.every((needle) => text.words.some((word) => word.includes(needle)))
        : text.words.some(carries)
      : text.words.every(carries);
  }
  const excluded = excludedSet(a);
  if (excluded) {
    const other = excludedSet(b);
    return other !== null && other.every((value) => excluded.some((x) => x === value));
  }
  return false;
}

/** Does a fact equal to `value` satisfy comparison `c` (json-rules-engine semantics)? */
function valueSatisfies(value: unknown, c: Comparison): boolean {
  const allowed = valueSet(c);
  if (allowed) return allowed.some((x) => x === value);
  const excluded = excludedSet(c);
  if (excluded) return !excluded.some((x) => x === value);
  const range = interval(c);
  if (range) return inInterval(value, range);
  const text = textWords(c);
  if (text && typeof value === "string") {
    return text.mode === "all"
      ? text.words.every((word) => value.includes(word))
      : text.words.some((word) => value.includes(word));
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
