/**
 * Semantic validation of a whole ruleset: what the schemas cannot see because it needs more
 * than one value (does the owner exist? does a parent chain loop? does a limit parse?).
 *
 * @module
 */

import { addDuration, type Duration, parseDuration } from "../routing/duration.ts";
import type { RulesetDocument, TimeLimitClass, TimeLimits } from "../routing/ruleset.ts";
import { closestName } from "./closest_name.ts";
import { type Finding, RULESET_FILES } from "./finding.ts";
import { validateExceptionRules } from "./validate_exception_rules.ts";
import { validateLifecycleFields } from "./validate_lifecycle_fields.ts";
import { validateMatterTypes } from "./validate_matter_types.ts";
import { validateUnits } from "./validate_units.ts";

const FILE = RULESET_FILES.ruleset;

/**
 * Checks a ruleset document and returns every problem found, errors and warnings, in file
 * order (`ruleset.json`, `units.json`, `matter_types.json`, `exception_rules.json`). An empty
 * list means the ruleset is sound; any `error` means it must be refused.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateRuleset } from "./validate_ruleset.ts";
 * const findings = validateRuleset({
 *   name: "demo",
 *   fallback_unit: "YG-ZZZX",
 *   time_limit_classes: {
 *     small: { name_zh: "小事", name_en: "Small", normal: { accept: "PT30M", resolve: "2 hours" } },
 *   },
 *   units: [{ code: "YG", name_zh: "云冈区", name_en: "Yungang", tier: "city", parent: null }],
 *   matter_types: [],
 *   exception_rules: [],
 * });
 * assert.deepEqual(findings.map((f) => [f.severity, f.file, f.item, f.field]), [
 *   ["error", "ruleset.json", "", "fallback_unit"],
 *   ["error", "ruleset.json", "time_limit_classes.small", "normal.resolve"],
 * ]);
 * ```
 */
export function validateRuleset(document: RulesetDocument): Finding[] {
  const files: string[] = Object.values(RULESET_FILES);
  // Stable sort: the lifecycle fields' findings join the findings of their file.
  return [
    ...validateRulesetFile(document),
    ...validateUnits(document.units),
    ...validateMatterTypes(document),
    ...validateExceptionRules(document),
    ...validateLifecycleFields(document),
  ].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file));
}

/** `ruleset.json`: the name, the fallback unit and the time-limit classes. */
function validateRulesetFile(document: RulesetDocument): Finding[] {
  const findings: Finding[] = [];
  if (typeof document.name !== "string" || document.name.trim() === "") {
    findings.push({
      severity: "error",
      file: FILE,
      item: "",
      field: "name",
      message: { zh: "规则集名称不能为空", en: "the ruleset needs a name" },
    });
  }
  const unitCodes = document.units.map((unit) => unit.code);
  if (!unitCodes.includes(document.fallback_unit)) {
    const guess = closestName(document.fallback_unit, unitCodes);
    findings.push({
      severity: "error",
      file: FILE,
      item: "",
      field: "fallback_unit",
      message: {
        zh: `兜底单位（人工派单）“${document.fallback_unit}”在 units.json 中不存在${
          guess ? `；是否应为“${guess}”？` : "；请填写已有单位的编码"
        }`,
        en:
          `fallback unit (manual dispatch) "${document.fallback_unit}" is not a unit in units.json${
            guess ? `; did you mean "${guess}"?` : "; use an existing unit code"
          }`,
      },
    });
  }
  for (const [name, timeLimitClass] of Object.entries(document.time_limit_classes)) {
    findings.push(...validateTimeLimitClass(`time_limit_classes.${name}`, timeLimitClass));
  }
  return findings;
}

function validateTimeLimitClass(item: string, timeLimitClass: TimeLimitClass): Finding[] {
  const findings: Finding[] = [];
  const normal = parseLimits(findings, item, "normal", timeLimitClass.normal);
  if (timeLimitClass.urgent === undefined) return findings;
  const urgent = parseLimits(findings, item, "urgent", timeLimitClass.urgent);
  for (const key of ["accept", "resolve"] as const) {
    const normalLimit = normal[key];
    const urgentLimit = urgent[key];
    if (normalLimit && urgentLimit && length(urgentLimit) > length(normalLimit)) {
      findings.push({
        severity: "warning",
        file: FILE,
        item,
        field: `urgent.${key}`,
        message: {
          zh: `紧急时限 ${timeLimitClass.urgent[key]} 比普通时限 ${
            timeLimitClass.normal[key]
          } 还长；紧急案件的时限通常更短`,
          en: `the urgent limit ${timeLimitClass.urgent[key]} is longer than the normal one ${
            timeLimitClass.normal[key]
          }; urgent limits are usually shorter`,
        },
      });
    }
  }
  return findings;
}

/** Parses both limits, reporting the ones that do not parse and an acceptance after resolution. */
function parseLimits(
  findings: Finding[],
  item: string,
  kind: "normal" | "urgent",
  limits: TimeLimits,
): { accept: Duration | null; resolve: Duration | null } {
  const parsed = {
    accept: parseLimit(findings, item, `${kind}.accept`, limits.accept),
    resolve: parseLimit(findings, item, `${kind}.resolve`, limits.resolve),
  };
  if (parsed.accept && parsed.resolve && length(parsed.accept) > length(parsed.resolve)) {
    findings.push({
      severity: "warning",
      file: FILE,
      item,
      field: `${kind}.accept`,
      message: {
        zh:
          `签收时限 ${limits.accept} 比办结时限 ${limits.resolve} 还长；签收时限通常不超过办结时限`,
        en:
          `the acceptance limit ${limits.accept} is longer than the resolution limit ${limits.resolve}; acceptance normally comes first`,
      },
    });
  }
  return parsed;
}

function parseLimit(
  findings: Finding[],
  item: string,
  field: string,
  text: unknown,
): Duration | null {
  const duration = typeof text === "string" ? parseDuration(text) : null;
  if (duration === null) {
    const shown = JSON.stringify(text) ?? String(text);
    findings.push({
      severity: "error",
      file: FILE,
      item,
      field,
      message: {
        zh:
          `${shown} 不是 ISO 8601 时长；请写成如 PT30M（30 分钟）、PT2H（2 小时）、P2D（2 天）、P7D（7 天）`,
        en:
          `${shown} is not an ISO 8601 duration; write e.g. PT30M (30 minutes), PT2H (2 hours), P2D (2 days), P7D (7 days)`,
      },
    });
  }
  return duration;
}

/** A duration's length in milliseconds, counted from a fixed instant (months vary in length). */
function length(duration: Duration): number {
  const start = new Date(Date.UTC(2026, 0, 1));
  return addDuration(start, duration).getTime() - start.getTime();
}
