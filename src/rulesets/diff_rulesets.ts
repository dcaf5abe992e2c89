/**
 * What changed between two rulesets, as a compact structural diff: what the decision log records
 * with every publish, and what reviewers read before one.
 *
 * @module
 */

import { canonicalJson } from "../lib/canonical_json.ts";
import type { RulesetDocument } from "../routing/ruleset.ts";

/** A value before and after. */
export interface ValueChange {
  before: unknown;
  after: unknown;
}

/** One item present on both sides whose fields differ (only the differing fields). */
export interface ItemChange {
  /** The item's code (unit, matter type), name (rule) or class name (time-limit class). */
  key: string;
  fields: Record<string, ValueChange>;
}

/** The changes of one list of items, matched by key. */
export interface CollectionDiff {
  added: string[];
  removed: string[];
  changed: ItemChange[];
}

/**
 * The difference between two rulesets. `null` for an unchanged scalar. Keys in each list keep
 * the order of the document they come from (`after` for added and changed, `before` for
 * removed). `exception_rules_reordered` is true when the rules present on both sides come in
 * another order (it can change which of two tied rules wins).
 */
export interface RulesetDiff {
  name: ValueChange | null;
  fallback_unit: ValueChange | null;
  time_limit_classes: CollectionDiff;
  units: CollectionDiff;
  matter_types: CollectionDiff;
  exception_rules: CollectionDiff;
  exception_rules_reordered: boolean;
  /** How many items and scalars differ; 0 means the rulesets are the same. */
  changes: number;
}

/**
 * Compares two ruleset documents item by item: units and matter types by `code`, exception rules
 * by `name`, time-limit classes by their key; for an item on both sides, each top-level field
 * whose value differs (compared as canonical JSON, so key order does not matter) is listed with
 * its value before and after.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { diffRulesets } from "./diff_rulesets.ts";
 * const before = {
 *   name: "demo", fallback_unit: "YG", time_limit_classes: {}, exception_rules: [],
 *   units: [], matter_types: [{
 *     code: "MT-1", category: "dispute", name_zh: "纠纷", name_en: "Dispute",
 *     owner: "YG-ZFW", time_limit_class: "standard",
 *   }],
 * };
 * const after = {
 *   ...before,
 *   matter_types: [{ ...before.matter_types[0], owner: "YG-SFJ" }],
 * };
 * const diff = diffRulesets(before, after);
 * assert.deepEqual(diff.matter_types.changed, [
 *   { key: "MT-1", fields: { owner: { before: "YG-ZFW", after: "YG-SFJ" } } },
 * ]);
 * assert.equal(diff.changes, 1);
 * ```
 */
export function diffRulesets(before: RulesetDocument, after: RulesetDocument): RulesetDiff {
  const name = scalar(before.name, after.name);
  const fallback = scalar(before.fallback_unit, after.fallback_unit);
  const classes = collection(
    Object.entries(before.time_limit_classes ?? {}),
    Object.entries(after.time_limit_classes ?? {}),
  );
  const units = collection(keyed(before.units, "code"), keyed(after.units, "code"));
  const matterTypes = collection(
    keyed(before.matter_types, "code"),
    keyed(after.matter_types, "code"),
  );
  const rules = collection(
    keyed(before.exception_rules, "name"),
    keyed(after.exception_rules, "name"),
  );
  const beforeNames = before.exception_rules.map((rule) => rule.name);
  const afterNames = new Set(after.exception_rules.map((rule) => rule.name));
  const kept = beforeNames.filter((ruleName) => afterNames.has(ruleName));
  const keptAfter = after.exception_rules.map((rule) => rule.name).filter((ruleName) =>
    kept.includes(ruleName)
  );
  const reordered = kept.some((ruleName, i) => keptAfter[i] !== ruleName);
  const count = (diff: CollectionDiff) =>
    diff.added.length + diff.removed.length + diff.changed.length;
  return {
    name,
    fallback_unit: fallback,
    time_limit_classes: classes,
    units,
    matter_types: matterTypes,
    exception_rules: rules,
    exception_rules_reordered: reordered,
    changes: (name ? 1 : 0) + (fallback ? 1 : 0) + count(classes) + count(units) +
      count(matterTypes) + count(rules) + (reordered ? 1 : 0),
  };
}

function scalar(before: unknown, after: unknown): ValueChange | null {
  return canonicalJson(before) === canonicalJson(after) ? null : { before, after };
}

function keyed<T extends object>(items: readonly T[], key: keyof T): [string, T][] {
  return items.map((item, index) => {
    const value = item[key];
    return [typeof value === "string" ? value : `#${index}`, item];
  });
}

function collection(
  before: readonly [string, unknown][],
  after: readonly [string, unknown][],
): CollectionDiff {
  const beforeMap = new Map(before);
  const afterMap = new Map(after);
  const added = after.filter(([key]) => !beforeMap.has(key)).map(([key]) => key);
  const removed = before.filter(([key]) => !afterMap.has(key)).map(([key]) => key);
  const changed: ItemChange[] = [];
  for (const [key, item] of after) {
    if (!beforeMap.has(key)) continue;
    const fields = fieldChanges(beforeMap.get(key), item);
    if (Object.keys(fields).length > 0) changed.push({ key, fields });
  }
  return { added, removed, changed };
}

function fieldChanges(before: unknown, after: unknown): Record<string, ValueChange> {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const fields: Record<string, ValueChange> = {};
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const change = scalar(a[field], b[field]);
    if (change) fields[field] = { before: a[field] ?? null, after: b[field] ?? null };
  }
  return fields;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
