/**
 * Semantic checks of `matter_types.json`: unique codes, existing owners and time-limit classes.
 *
 * @module
 */

import type { RulesetDocument } from "../routing/ruleset.ts";
import { closestName } from "./closest_name.ts";
import { type Finding, RULESET_FILES } from "./finding.ts";
import { validateMatterTypeAttributes } from "./validate_matter_type_attributes.ts";

const FILE = RULESET_FILES.matter_types;

/** The categories the field uses (矛盾纠纷, 社会治安, 公共安全, 公共服务). */
const KNOWN_CATEGORIES = ["dispute", "public_order", "public_safety", "public_service"];

/**
 * Checks the matter types of a ruleset against its units and time-limit classes. A category
 * outside the four the field uses is a warning, not an error.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateMatterTypes } from "./validate_matter_types.ts";
 * const findings = validateMatterTypes({
 *   name: "demo",
 *   fallback_unit: "YG",
 *   time_limit_classes: { small: { name_zh: "小事", name_en: "Small", normal: { accept: "PT30M", resolve: "PT2H" } } },
 *   units: [{ code: "YG", name_zh: "云冈区", name_en: "Yungang", tier: "district", parent: null }],
 *   matter_types: [{ code: "MT-1", category: "dispute", name_zh: "纠纷", name_en: "Dispute", owner: "YG-MZ", time_limit_class: "small" }],
 *   exception_rules: [],
 * });
 * assert.equal(findings[0].field, "owner");
 * ```
 */
export function validateMatterTypes(document: RulesetDocument): Finding[] {
  const findings: Finding[] = [];
  const unitCodes = new Set(document.units.map((unit) => unit.code));
  const classNames = Object.keys(document.time_limit_classes);
  const firstIndex = new Map<string, number>();

  document.matter_types.forEach((matter, index) => {
    const item = typeof matter.code === "string" && matter.code.trim() !== ""
      ? matter.code
      : `#${index}`;
    const first = firstIndex.get(matter.code);
    if (first !== undefined) {
      findings.push({
        severity: "error",
        file: FILE,
        item,
        field: "code",
        message: {
          zh:
            `事项编码“${matter.code}”重复（第 #${first} 项与第 #${index} 项）；每个事项需要唯一编码`,
          en:
            `matter type code "${matter.code}" is used twice (#${first} and #${index}); every matter type needs its own code`,
        },
      });
    } else {
      firstIndex.set(matter.code, index);
    }

    if (!unitCodes.has(matter.owner)) {
      const guess = closestName(matter.owner, unitCodes);
      findings.push({
        severity: "error",
        file: FILE,
        item,
        field: "owner",
        message: {
          zh: `承办单位“${matter.owner}”在 units.json 中不存在${
            guess ? `；是否应为“${guess}”？` : "；请填写已有单位的编码"
          }`,
          en: `owner "${matter.owner}" is not a unit in units.json${
            guess ? `; did you mean "${guess}"?` : "; use an existing unit code"
          }`,
        },
      });
    }

    if (!Object.hasOwn(document.time_limit_classes, matter.time_limit_class)) {
      const list = classNames.join(", ") || "—";
      findings.push({
        severity: "error",
        file: FILE,
        item,
        field: "time_limit_class",
        message: {
          zh: `时限类别“${matter.time_limit_class}”在 ruleset.json 中不存在；可选：${list}`,
          en:
            `time-limit class "${matter.time_limit_class}" is not defined in ruleset.json; use one of ${list}`,
        },
      });
    }

    if (!KNOWN_CATEGORIES.includes(matter.category)) {
      const guess = closestName(matter.category, KNOWN_CATEGORIES);
      findings.push({
        severity: "warning",
        file: FILE,
        item,
        field: "category",
        message: {
          zh: `类别“${matter.category}”不是常用的四类之一（${KNOWN_CATEGORIES.join("、")}）${
            guess ? `；是否应为“${guess}”？` : ""
          }`,
          en: `category "${matter.category}" is not one of the usual four (${
            KNOWN_CATEGORIES.join(", ")
          })${guess ? `; did you mean "${guess}"?` : ""}`,
        },
      });
    }

    findings.push(...validateMatterTypeAttributes(matter, item));
  });
  return findings;
}
