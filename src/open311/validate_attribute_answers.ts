import type { MatterTypeAttribute } from "../routing/ruleset.ts";
import type { Open311Params } from "./open311_params.ts";

/** The answers, by attribute code (a list for `multivaluelist`), or what is wrong with them. */
export type AttributeAnswers =
  | { ok: true; answers: Record<string, string | string[]> }
  | { ok: false; problems: string[] };

const ATTRIBUTE_NAME = /^attribute\[([^\]]+)\](\[\])?$/;
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const MAX_LENGTH = { string: 1_000, text: 4_000 } as const;

/**
 * Checks the `attribute[CODE]` parameters of a posted request against the matter type's
 * attributes: every code known and answerable (`variable`), every required one answered, each
 * answer of its datatype (`number` a number, `datetime` a W3C datetime, list answers among the
 * `values` keys, one value unless `multivaluelist`). Problems name the parameter.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateAttributeAnswers } from "./validate_attribute_answers.ts";
 * const result = validateAttributeAnswers(
 *   [{ variable: true, code: "floors", datatype: "number", required: true,
 *      datatype_description: "", order: 1, description: "楼层数" }],
 *   new Map([["attribute[floors]", ["three"]]]),
 *   "MT-1",
 * );
 * assert.deepEqual(result, { ok: false, problems: ["attribute[floors] must be a number, got \"three\""] });
 * ```
 */
export function validateAttributeAnswers(
  attributes: readonly MatterTypeAttribute[],
  params: Open311Params,
  serviceCode: string,
): AttributeAnswers {
  const byCode = new Map(attributes.map((a) => [a.code, a]));
  const given = new Map<string, string[]>();
  const problems: string[] = [];
  for (const [name, values] of params) {
    const match = ATTRIBUTE_NAME.exec(name);
    if (!match) continue;
    const code = match[1];
    const nonBlank = values.map((v) => v.trim()).filter((v) => v !== "");
    if (!byCode.has(code)) {
      problems.push(`attribute[${code}] is not an attribute of service ${serviceCode}`);
      continue;
    }
    given.set(code, [...(given.get(code) ?? []), ...nonBlank]);
  }
  const answers: Record<string, string | string[]> = {};
  for (const attribute of attributes) {
    const name = `attribute[${attribute.code}]`;
    const values = given.get(attribute.code) ?? [];
    if (values.length === 0) {
      if (attribute.required && attribute.variable) {
        problems.push(`${name} is required: ${attribute.description}`);
      }
      continue;
    }
    if (!attribute.variable) {
      problems.push(`${name} is information only and takes no value`);
      continue;
    }
    if (attribute.datatype === "multivaluelist") {
      const keys = new Set((attribute.values ?? []).map((v) => v.key));
      const unknown = values.filter((v) => !keys.has(v));
      if (unknown.length > 0) {
        problems.push(
          `${name}: ${unknown.map((v) => JSON.stringify(v)).join(", ")} not among ${
            [...keys].join(", ")
          }`,
        );
      } else {
        answers[attribute.code] = [...new Set(values)];
      }
      continue;
    }
    if (values.length > 1) {
      problems.push(`${name} takes one value (${attribute.datatype}), got ${values.length}`);
      continue;
    }
    const value = values[0];
    const problem = checkValue(attribute, value);
    if (problem) problems.push(`${name} ${problem}`);
    else answers[attribute.code] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

function checkValue(attribute: MatterTypeAttribute, value: string): string | null {
  switch (attribute.datatype) {
    case "number":
      return Number.isFinite(Number(value))
        ? null
        : `must be a number, got ${JSON.stringify(value)}`;
    case "datetime":
      return W3C_DATETIME.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : `must be a W3C datetime such as 2026-11-23T09:30:00+08:00, got ${JSON.stringify(value)}`;
    case "singlevaluelist": {
      const keys = (attribute.values ?? []).map((v) => v.key);
      return keys.includes(value)
        ? null
        : `must be one of ${keys.join(", ")}, got ${JSON.stringify(value)}`;
    }
    case "string":
    case "text":
      return value.length <= MAX_LENGTH[attribute.datatype]
        ? null
        : `is longer than ${MAX_LENGTH[attribute.datatype]} characters`;
    default:
      return null;
  }
}
