/**
 * The exception-rule editor's form, both ways: a rule as form values (structured rows of fact /
 * operator / value in one all/any group, or raw JSON), and form values back to a rule. Only
 * rules the rows can express exactly open in the structured mode; others (nested groups, `not`,
 * `path`, `params`) open as JSON. What the rule means is checked by the rulesets validators,
 * not here.
 *
 * @module
 */

import { FACTS } from "../../routing/facts.ts";
import type { ExceptionRule } from "../../routing/ruleset.ts";
import { locateJsonSyntaxError } from "../../rulesets/locate_json_syntax_error.ts";
import type { ConditionRow, FormProblem, RuleForm } from "../../../views/admin/rule_form_model.ts";
import { type FormBody, formText, formTexts } from "./admin_forms.ts";

export type { ConditionRow, FormProblem, RuleForm };

/** Operators whose value is a list (comma-separated in a row). */
export const LIST_OPERATORS: ReadonlySet<string> = new Set(["in", "notIn", "containsAnyText"]);
const NUMBER_FACTS = new Set(FACTS.filter((f) => f.type === "number").map((f) => f.name));
const SEPARATORS = /\s*[,，、;；\n]\s*/;

/**
 * An empty editor for a new rule.
 *
 * @example
 * ```ts
 * import { blankRuleForm } from "./rule_form.ts";
 * blankRuleForm().rows.length; // 1
 * ```
 */
export function blankRuleForm(): RuleForm {
  const form: RuleForm = {
    mode: "structured",
    originalName: "",
    name: "",
    description: "",
    priority: "10",
    group: "all",
    rows: [{ fact: "type", operator: "equal", value: "" }],
    eventType: "assign",
    owner: "",
    levels: "1",
    assist: "",
    json: "",
    structuredBlocked: false,
  };
  return { ...form, json: JSON.stringify(ruleFromForm(form).rule, null, 2) };
}

/**
 * The editor for an existing rule: structured when its conditions are one all/any group of
 * plain comparisons, JSON otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ruleFromForm, ruleToForm } from "./rule_form.ts";
 * const rule = {
 *   name: "gas", priority: 100,
 *   conditions: { all: [{ fact: "text", operator: "containsAnyText", value: ["燃气", "煤气"] }] },
 *   event: { type: "assign" as const, params: { owner: "YG-XFDD" } },
 * };
 * const form = ruleToForm(rule);
 * assert.equal(form.mode, "structured");
 * assert.equal(form.rows[0].value, "燃气, 煤气");
 * assert.deepEqual(ruleFromForm(form).rule, rule);
 * ```
 */
export function ruleToForm(rule: ExceptionRule): RuleForm {
  const json = JSON.stringify(rule, null, 2);
  const conditions = rule.conditions as Record<string, unknown>;
  const group = Array.isArray(conditions.all)
    ? "all"
    : Array.isArray(conditions.any)
    ? "any"
    : null;
  const items = group ? conditions[group] as unknown[] : [];
  const plain = group !== null && Object.keys(conditions).length === 1 && items.every(isPlainRow);
  const event = rule.event as { type: string; params?: Record<string, unknown> };
  const eventType = event.type === "raise_level" || event.type === "assist" ? event.type : "assign";
  const params = event.params ?? {};
  const eventPlain = eventType === "assign"
    ? Object.keys(params).every((k) => k === "owner")
    : eventType === "raise_level"
    ? Object.keys(params).every((k) => k === "levels")
    : Object.keys(params).every((k) => k === "add");
  const structured = plain && eventPlain;
  return {
    mode: structured ? "structured" : "json",
    originalName: rule.name,
    name: rule.name,
    description: rule.description ?? "",
    priority: rule.priority === undefined ? "" : String(rule.priority),
    group: group ?? "all",
    rows: structured
      ? items.map((item) => {
        const c = item as { fact: string; operator: string; value: unknown };
        return { fact: c.fact, operator: c.operator, value: valueText(c.value) };
      })
      : [],
    eventType,
    owner: typeof params.owner === "string" ? params.owner : "",
    levels: typeof params.levels === "number" ? String(params.levels) : "1",
    assist: Array.isArray(params.add) ? params.add.join(", ") : "",
    json,
    structuredBlocked: !structured,
  };
}

function isPlainRow(item: unknown): boolean {
  if (typeof item !== "object" || item === null) return false;
  const c = item as Record<string, unknown>;
  if (!Object.keys(c).every((k) => k === "fact" || k === "operator" || k === "value")) return false;
  if (typeof c.fact !== "string" || typeof c.operator !== "string") return false;
  const numeric = NUMBER_FACTS.has(c.fact);
  // A value survives the round trip through a text field only if it reads back the same.
  const scalar = (v: unknown, inList: boolean) =>
    numeric ? typeof v === "number" : typeof v === "string" && v.trim() === v &&
      (!inList || (v !== "" && !SEPARATORS.test(v)));
  if (LIST_OPERATORS.has(c.operator)) {
    return Array.isArray(c.value) && c.value.length > 0 && c.value.every((v) => scalar(v, true));
  }
  return scalar(c.value, false);
}

function valueText(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(", ") : String(value);
}

/** Reads the editor's fields from a posted form. */
export function readRuleForm(form: FormBody): RuleForm {
  const facts = formTexts(form, "fact");
  const operators = formTexts(form, "operator");
  const values = formTexts(form, "value");
  const eventType = formText(form, "event_type");
  return {
    mode: formText(form, "mode") === "json" ? "json" : "structured",
    originalName: formText(form, "original_name", 200),
    name: formText(form, "name", 200),
    description: formText(form, "description", 2_000),
    priority: formText(form, "priority", 20),
    group: formText(form, "group") === "any" ? "any" : "all",
    rows: facts.map((fact, i) => ({
      fact: fact.trim(),
      operator: (operators[i] ?? "").trim(),
      value: (values[i] ?? "").trim(),
    })),
    eventType: eventType === "raise_level" || eventType === "assist" ? eventType : "assign",
    owner: formText(form, "owner", 100),
    levels: formText(form, "levels", 10),
    assist: formText(form, "assist", 1_000),
    json: typeof form.json === "string" ? form.json.slice(0, 200_000) : "",
    structuredBlocked: formText(form, "structured_blocked") === "1",
  };
}

/**
 * The rule the editor describes (not yet validated), or the problems that keep the form from
 * being a rule at all (a number field with text, broken JSON).
 */
export function ruleFromForm(form: RuleForm): { rule: unknown; problems: FormProblem[] } {
  if (form.mode === "json") {
    const syntax = locateJsonSyntaxError(form.json);
    if (syntax) {
      return {
        rule: null,
        problems: [{
          field: "json",
          message: {
            zh: `JSON 第 ${syntax.line} 行第 ${syntax.column} 列：${syntax.message.zh}`,
            en: `JSON line ${syntax.line}, column ${syntax.column}: ${syntax.message.en}`,
          },
        }],
      };
    }
    return { rule: JSON.parse(form.json), problems: [] };
  }
  const problems: FormProblem[] = [];
  const number = (text: string, field: string): number | undefined => {
    if (text === "") return undefined;
    const n = Number(text);
    if (!Number.isFinite(n)) {
      problems.push({
        field,
        message: { zh: `“${text}”不是数字`, en: `"${text}" is not a number` },
      });
      return undefined;
    }
    return n;
  };
  const conditions = form.rows.filter((row) => row.fact !== "" || row.value !== "").map(
    (row, i) => {
      const one = (text: string) =>
        NUMBER_FACTS.has(row.fact) ? number(text, `value[${i}]`) ?? text : text;
      const value = LIST_OPERATORS.has(row.operator)
        ? row.value.split(SEPARATORS).filter((v) => v !== "").map(one)
        : one(row.value);
      return { fact: row.fact, operator: row.operator, value };
    },
  );
  const rule: Record<string, unknown> = { name: form.name };
  if (form.description) rule.description = form.description;
  const priority = number(form.priority, "priority");
  if (priority !== undefined) rule.priority = priority;
  rule.conditions = { [form.group]: conditions };
  if (form.eventType === "assign") {
    rule.event = { type: "assign", params: { owner: form.owner } };
  } else if (form.eventType === "raise_level") {
    const levels = number(form.levels, "levels");
    rule.event = { type: "raise_level", params: levels === undefined ? {} : { levels } };
  } else {
    const add = form.assist.split(SEPARATORS).filter((v) => v !== "");
    rule.event = { type: "assist", params: { add } };
  }
  return { rule, problems };
}
