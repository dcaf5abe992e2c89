/**
 * Loads a ruleset from its directory of reviewable JSON files (`rules/`).
 *
 * @module
 */

import { join } from "node:path";
import type { z } from "zod";
import type { RulesetDocument } from "../routing/ruleset.ts";
import { type Finding, RULESET_FILES, type RulesetFileName } from "./finding.ts";
import { locateJsonSyntaxError } from "./locate_json_syntax_error.ts";
import { RulesetInvalidError } from "./ruleset_invalid_error.ts";
import {
  exceptionRulesFileSchema,
  matterTypesFileSchema,
  rulesetFileSchema,
  unitsFileSchema,
} from "./ruleset_schema.ts";
import { validateRuleset } from "./validate_ruleset.ts";
import { zodIssuesToFindings } from "./zod_issues_to_findings.ts";

/** A ruleset that loaded: the document, and the warnings that did not stop it. */
export interface LoadedRuleset {
  document: RulesetDocument;
  warnings: Finding[];
}

/**
 * Reads `ruleset.json`, `units.json`, `matter_types.json` and `exception_rules.json` from `dir`,
 * checks each against its schema, then validates the whole ruleset.
 *
 * Throws {@link RulesetInvalidError} listing every problem (file › item › field) when a file is
 * missing, is not JSON (with line and column), has the wrong shape, or the ruleset has any
 * error; warnings alone do not stop it and are returned. Shape errors (from the schemas) are
 * reported first: the checks across files run once every file has the right shape.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type LoadedRuleset, loadRulesetDir } from "./load_ruleset_dir.ts";
 * import { RulesetInvalidError } from "./ruleset_invalid_error.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/ruleset.json`, '{\n  "name": "demo",\n}\n');
 * const result: LoadedRuleset | unknown = await loadRulesetDir(dir).catch((error) => error);
 * assert.ok(result instanceof RulesetInvalidError);
 * assert.match(result.message, /ruleset\.json: JSON syntax error at line 2, column 17: trailing comma/);
 * assert.match(result.message, /units\.json: file not found/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function loadRulesetDir(dir: string): Promise<LoadedRuleset> {
  const [ruleset, units, matterTypes, exceptionRules] = await Promise.all([
    readFile(dir, RULESET_FILES.ruleset, rulesetFileSchema),
    readFile(dir, RULESET_FILES.units, unitsFileSchema),
    readFile(dir, RULESET_FILES.matter_types, matterTypesFileSchema),
    readFile(dir, RULESET_FILES.exception_rules, exceptionRulesFileSchema),
  ]);
  if (
    !ruleset.ok || !units.ok || !matterTypes.ok || !exceptionRules.ok
  ) {
    throw new RulesetInvalidError(
      [ruleset, units, matterTypes, exceptionRules].flatMap((file) => file.ok ? [] : file.findings),
    );
  }
  const document: RulesetDocument = {
    name: ruleset.data.name,
    fallback_unit: ruleset.data.fallback_unit,
    time_limit_classes: ruleset.data.time_limit_classes,
    ...(ruleset.data.calendar ? { calendar: ruleset.data.calendar } : {}),
    ...(ruleset.data.lifecycle ? { lifecycle: ruleset.data.lifecycle } : {}),
    units: units.data,
    matter_types: matterTypes.data,
    exception_rules: exceptionRules.data,
  };
  const findings = validateRuleset(document);
  if (findings.some((finding) => finding.severity === "error")) {
    throw new RulesetInvalidError(findings);
  }
  return { document, warnings: findings };
}

type FileResult<T> = { ok: true; data: T } | { ok: false; findings: Finding[] };

/** Reads, parses and shape-checks one file. */
async function readFile<T>(
  dir: string,
  file: RulesetFileName,
  schema: z.ZodType<T>,
): Promise<FileResult<T>> {
  const path = join(dir, file);
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    const missing = error instanceof Deno.errors.NotFound;
    const reason = error instanceof Error ? error.message : String(error);
    return fail(file, {
      zh: missing ? `缺少文件：${path}` : `无法读取文件 ${path}：${reason}`,
      en: missing ? `file not found: ${path}` : `cannot read ${path}: ${reason}`,
    });
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const located = locateJsonSyntaxError(text);
    if (located) {
      return fail(file, {
        zh: `JSON 语法错误，第 ${located.line} 行第 ${located.column} 列：${located.message.zh}`,
        en:
          `JSON syntax error at line ${located.line}, column ${located.column}: ${located.message.en}`,
      });
    }
    const reason = error instanceof Error ? error.message : String(error);
    return fail(file, { zh: `JSON 语法错误：${reason}`, en: `JSON syntax error: ${reason}` });
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    return { ok: false, findings: zodIssuesToFindings(file, input, result.error.issues) };
  }
  return { ok: true, data: result.data };
}

function fail<T>(file: RulesetFileName, message: Finding["message"]): FileResult<T> {
  return { ok: false, findings: [{ severity: "error", file, item: "", field: "", message }] };
}
