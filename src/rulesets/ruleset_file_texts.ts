/**
 * A ruleset as the text of its four files, in the layout of `rules/`.
 *
 * @module
 */

import type { RulesetDocument } from "../routing/ruleset.ts";
import { RULESET_FILES, type RulesetFileName } from "./finding.ts";

const CLASS_KEYS = ["name_zh", "name_en", "normal", "urgent"];
const LIMIT_KEYS = ["accept", "resolve"];
const UNIT_KEYS = ["code", "name_zh", "name_en", "tier", "parent"];
const MATTER_KEYS = ["code", "name_zh", "name_en", "category", "owner", "time_limit_class"];
const RULE_KEYS = ["name", "description", "priority", "conditions", "event"];
const CONDITION_KEYS = [
  "name",
  "fact",
  "path",
  "operator",
  "value",
  "params",
  "all",
  "any",
  "not",
  "condition",
  "priority",
];
const EVENT_KEYS = ["type", "params"];
const EVENT_PARAM_KEYS = ["owner", "levels"];

/**
 * The text of each ruleset file: pretty JSON (2-space indent, trailing newline) with keys in a
 * fixed order, so that writing an unchanged ruleset changes nothing in git. Used by
 * `writeRulesetDir()` and for exports.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rulesetFileTexts } from "./ruleset_file_texts.ts";
 * const texts = rulesetFileTexts({
 *   name: "demo",
 *   fallback_unit: "YG",
 *   time_limit_classes: {},
 *   units: [{ parent: null, tier: "district", code: "YG", name_en: "Yungang", name_zh: "云冈区" }],
 *   matter_types: [],
 *   exception_rules: [],
 * });
 * assert.equal(texts["units.json"].split("\n")[2], '    "code": "YG",');
 * ```
 */
export function rulesetFileTexts(document: RulesetDocument): Record<RulesetFileName, string> {
  const classes: Record<string, unknown> = {};
  for (const [name, timeLimitClass] of Object.entries(document.time_limit_classes)) {
    const ordered = orderKeys(timeLimitClass, CLASS_KEYS);
    for (const kind of ["normal", "urgent"]) {
      if (ordered[kind] !== undefined) ordered[kind] = orderKeys(ordered[kind], LIMIT_KEYS);
    }
    classes[name] = ordered;
  }
  return {
    [RULESET_FILES.ruleset]: text({
      name: document.name,
      fallback_unit: document.fallback_unit,
      time_limit_classes: classes,
      calendar: document.calendar,
      lifecycle: document.lifecycle,
    }),
    [RULESET_FILES.units]: text(document.units.map((unit) => orderKeys(unit, UNIT_KEYS))),
    [RULESET_FILES.matter_types]: text(
      document.matter_types.map((matter) => orderKeys(matter, MATTER_KEYS)),
    ),
    [RULESET_FILES.exception_rules]: text(
      document.exception_rules.map((rule) => {
        const ordered = orderKeys(rule, RULE_KEYS);
        ordered.conditions = orderCondition(rule.conditions);
        const event = orderKeys(rule.event, EVENT_KEYS);
        if (event.params !== undefined) event.params = orderKeys(event.params, EVENT_PARAM_KEYS);
        ordered.event = event;
        return ordered;
      }),
    ),
  };
}

function orderCondition(condition: unknown): unknown {
  if (!isRecord(condition)) return condition;
  const ordered = orderKeys(condition, CONDITION_KEYS);
  for (const key of ["all", "any"]) {
    const list = ordered[key];
    if (Array.isArray(list)) ordered[key] = list.map(orderCondition);
  }
  if (ordered.not !== undefined) ordered.not = orderCondition(ordered.not);
  return ordered;
}

/** A copy with `keys` first, in that order, then any other keys as they were; no `undefined`. */
function orderKeys(value: unknown, keys: readonly string[]): Record<string, unknown> {
  const source: Record<string, unknown> = isRecord(value) ? value : {};
  const ordered: Record<string, unknown> = {};
  for (const key of keys) {
    if (source[key] !== undefined) ordered[key] = source[key];
  }
  for (const [key, item] of Object.entries(source)) {
    if (!keys.includes(key) && item !== undefined) ordered[key] = item;
  }
  return ordered;
}

function text(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
