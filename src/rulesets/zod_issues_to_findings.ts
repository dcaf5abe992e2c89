/**
 * Turns zod issues from the ruleset file schemas into {@link Finding}s that name the file, the
 * item (unit code, rule name, ...) and the field, with a message in both languages.
 *
 * @module
 */

import type { z } from "zod";
import type { Bilingual } from "../routing/decision.ts";
import { closestName } from "./closest_name.ts";
import { type Finding, RULESET_FILES, type RulesetFileName } from "./finding.ts";

type Issue = z.ZodError["issues"][number];
type Path = readonly PropertyKey[];

/** Keys json-rules-engine accepts on a rule that Whistle deliberately does not support. */
const UNSUPPORTED_RULE_KEYS: Record<string, Bilingual> = {
  onSuccess: {
    zh: "不支持 onSuccess：规则的效果只由 event 表达（assign 或 raise_level）",
    en: 'onSuccess is not supported: a rule acts only through its "event" (assign or raise_level)',
  },
  onFailure: {
    zh: "不支持 onFailure：规则的效果只由 event 表达（assign 或 raise_level）",
    en: 'onFailure is not supported: a rule acts only through its "event" (assign or raise_level)',
  },
};

const TYPE_NAMES: Record<string, Bilingual> = {
  string: { zh: "文本", en: "a text (string)" },
  number: { zh: "数字", en: "a number" },
  int: { zh: "整数", en: "a whole number" },
  boolean: { zh: "布尔值（true/false）", en: "true or false" },
  array: { zh: "列表（数组）", en: "a list (array)" },
  object: { zh: "对象", en: "an object" },
  record: { zh: "对象", en: "an object" },
  null: { zh: "null", en: "null" },
};

/**
 * Converts the issues of one file's `safeParse()` into findings (all errors).
 *
 * `input` is the parsed JSON of the file: items are named by their `code` (or a rule's `name`)
 * when they have one, else by index (`#3`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { unitsFileSchema } from "./ruleset_schema.ts";
 * import { zodIssuesToFindings } from "./zod_issues_to_findings.ts";
 * const input = [{ code: "YG", name_zh: "云冈区", name_en: "Yungang", tier: "district" }];
 * const result = unitsFileSchema.safeParse(input);
 * const [finding] = zodIssuesToFindings("units.json", input, result.error?.issues ?? []);
 * assert.deepEqual([finding.file, finding.item, finding.field], ["units.json", "YG", "parent"]);
 * assert.equal(finding.message.en, 'missing field "parent" (expected a text (string))');
 * ```
 */
export function zodIssuesToFindings(
  file: RulesetFileName,
  input: unknown,
  issues: readonly Issue[],
): Finding[] {
  const findings: Finding[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        findings.push(
          finding(file, input, path, unknownKeyMessage(file, input, issue, key, issues)),
        );
      }
    } else {
      findings.push(finding(file, input, issue.path, issueMessage(issue, input)));
    }
  }
  return findings;
}

function finding(file: RulesetFileName, input: unknown, path: Path, message: Bilingual): Finding {
  return { severity: "error", file, ...locate(file, input, path), message };
}

/** The item and field a path points at. */
function locate(
  file: RulesetFileName,
  input: unknown,
  path: Path,
): { item: string; field: string } {
  if (file === RULESET_FILES.ruleset) {
    if (path[0] === "time_limit_classes" && path.length >= 2) {
      return { item: `time_limit_classes.${String(path[1])}`, field: formatPath(path.slice(2)) };
    }
    return { item: "", field: formatPath(path) };
  }
  if (path.length === 0 || typeof path[0] !== "number") {
    return { item: "", field: formatPath(path) };
  }
  const index = path[0];
  const element = Array.isArray(input) ? input[index] : undefined;
  const idKey = file === RULESET_FILES.exception_rules ? "name" : "code";
  const id = isRecord(element) ? element[idKey] : undefined;
  const item = typeof id === "string" && id.trim() !== "" ? id : `#${index}`;
  return { item, field: formatPath(path.slice(1)) };
}

/** `["conditions", "all", 1, "operator"]` → `conditions.all[1].operator`. */
function formatPath(path: Path): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function issueMessage(issue: Issue, input: unknown): Bilingual {
  const value = valueAt(input, issue.path);
  const key = issue.path.at(-1);
  const field = typeof key === "string" ? key : "";
  switch (issue.code) {
    case "custom": {
      const params = issue.params;
      if (params && typeof params.zh === "string" && typeof params.en === "string") {
        return { zh: params.zh, en: params.en };
      }
      return { zh: issue.message, en: issue.message };
    }
    case "invalid_type": {
      const expected = TYPE_NAMES[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      if (value === undefined && field !== "") {
        return {
          zh: `缺少字段“${field}”（应为${expected.zh}）`,
          en: `missing field "${field}" (expected ${expected.en})`,
        };
      }
      if (value === undefined) {
        return { zh: `缺少内容（应为${expected.zh}）`, en: `missing (expected ${expected.en})` };
      }
      return {
        zh: `应为${expected.zh}，实际是 ${show(value)}`,
        en: `expected ${expected.en}, got ${show(value)}`,
      };
    }
    case "too_small": {
      if (issue.origin === "string") {
        return { zh: "不能为空", en: "must not be empty" };
      }
      if (issue.origin === "array") {
        return {
          zh: `至少需要 ${issue.minimum} 项`,
          en: `needs at least ${issue.minimum} item(s)`,
        };
      }
      const bound = issue.inclusive ? "≥" : ">";
      return {
        zh: `应${bound} ${issue.minimum}，实际是 ${show(value)}`,
        en: `must be ${bound} ${issue.minimum}, got ${show(value)}`,
      };
    }
    case "too_big": {
      const bound = issue.inclusive ? "≤" : "<";
      return {
        zh: `应${bound} ${issue.maximum}，实际是 ${show(value)}`,
        en: `must be ${bound} ${issue.maximum}, got ${show(value)}`,
      };
    }
    case "invalid_value": {
      const allowed = issue.values.map((v) => show(v)).join(", ");
      return {
        zh: `${show(value)} 不是允许的值；可选：${allowed}`,
        en: `${show(value)} is not allowed; use one of ${allowed}`,
      };
    }
    case "invalid_union": {
      const options = "options" in issue ? issue.options : undefined;
      if (issue.discriminator !== undefined && options) {
        const allowed = options.map((v) => show(v)).join(", ");
        return {
          zh: `“${issue.discriminator}”为 ${show(value)}，不受支持；可选：${allowed}`,
          en: `"${issue.discriminator}" ${show(value)} is not supported; use one of ${allowed}`,
        };
      }
      return {
        zh: `${show(value)} 不符合任何允许的格式`,
        en: `${show(value)} matches none of the allowed forms`,
      };
    }
    case "invalid_key": {
      const inner = issue.issues[0];
      const inner_message = inner ? issueMessage(inner, undefined) : undefined;
      return {
        zh: `名称“${field}”不合规${inner_message ? `：${inner_message.zh}` : ""}`,
        en: `the name "${field}" is not valid${inner_message ? `: ${inner_message.en}` : ""}`,
      };
    }
    default:
      return { zh: issue.message, en: issue.message };
  }
}

/** "unknown field", with the reason for unsupported keys or a guess for a typo. */
function unknownKeyMessage(
  file: RulesetFileName,
  input: unknown,
  issue: Issue,
  key: string,
  issues: readonly Issue[],
): Bilingual {
  if (file === RULESET_FILES.exception_rules && issue.path.length === 1) {
    const unsupported = UNSUPPORTED_RULE_KEYS[key];
    if (unsupported) return unsupported;
  }
  // A missing field next to an unknown one is most likely the same field, mistyped.
  const missing = issues
    .filter((other) =>
      other.code === "invalid_type" && other.path.length === issue.path.length + 1 &&
      issue.path.every((segment, i) => other.path[i] === segment) &&
      valueAt(input, other.path) === undefined
    )
    .map((other) => String(other.path.at(-1)));
  // One unknown field where exactly one is missing: that is the guess, however far apart.
  const alone = issue.code === "unrecognized_keys" && issue.keys.length === 1 &&
    missing.length === 1;
  const guess = closestName(key, missing) ?? (alone ? missing[0] : undefined);
  return {
    zh: `未知字段“${key}”${guess ? `，是否应为“${guess}”？` : "，请删除或改正"}`,
    en: `unknown field "${key}"${guess ? `; did you mean "${guess}"?` : "; remove or correct it"}`,
  };
}

function valueAt(input: unknown, path: Path): unknown {
  let value = input;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === "number") value = value[segment];
    else if (isRecord(value) && typeof segment === "string") value = value[segment];
    else return undefined;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
