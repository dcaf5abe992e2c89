/**
 * Where an overdue assignment goes (督办): a pure choice over the ruleset's units.
 *
 * @module
 */

import type { Bilingual } from "./decision.ts";
import type { CompiledRuleset } from "./compile_ruleset.ts";

/** The unit an overdue assignment escalates to, and why that one. */
export interface EscalationTarget {
  unit: string;
  /** `supervisor`: the matter type's supervisor unit; `parent`: the next unit up the chain. */
  via: "supervisor" | "parent";
  why: Bilingual;
}

/**
 * The next unit up for an overdue lead or assisting unit: for a lead, the matter type's
 * `supervisor` (督办) when it has one that has not held the case yet; otherwise the unit's
 * parent. `null` at the top of the chain (nowhere to go).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compileRuleset } from "./compile_ruleset.ts";
 * import { type EscalationTarget, escalationTarget } from "./escalation_target.ts";
 * const ruleset = compileRuleset({
 *   name: "demo", fallback_unit: "CITY", time_limit_classes: {},
 *   units: [
 *     { code: "CITY", name_zh: "市热线", name_en: "City hotline", tier: "city", parent: null },
 *     { code: "DEPT", name_zh: "区民政局", name_en: "Civil Affairs", tier: "department", parent: "CITY" },
 *   ],
 *   matter_types: [], exception_rules: [],
 * }, { version: 1, hash: "h" });
 * const target: EscalationTarget | null = escalationTarget(ruleset, "MT-X", "DEPT", "lead", []);
 * assert.equal(target?.unit, "CITY");
 * assert.equal(escalationTarget(ruleset, "MT-X", "CITY", "lead", []), null);
 * ```
 */
export function escalationTarget(
  ruleset: CompiledRuleset,
  type: string,
  unit: string,
  role: "lead" | "assist",
  heldBefore: readonly string[],
): EscalationTarget | null {
  const { units } = ruleset;
  const nameZh = (code: string) => units.get(code)?.name_zh ?? code;
  const nameEn = (code: string) => units.get(code)?.name_en ?? code;
  const matterType = ruleset.matterTypes.get(type);
  const supervisor = matterType?.supervisor;
  if (
    role === "lead" && supervisor && supervisor !== unit && units.has(supervisor) &&
    !heldBefore.includes(supervisor)
  ) {
    return {
      unit: supervisor,
      via: "supervisor",
      why: {
        zh: `事项“${matterType.name_zh}”指定的督办单位${nameZh(supervisor)}`,
        en: `${nameEn(supervisor)}, the supervisor unit (督办) named for "${matterType.name_en}"`,
      },
    };
  }
  const parent = units.get(unit)?.parent;
  if (!parent || !units.has(parent)) return null;
  return {
    unit: parent,
    via: "parent",
    why: {
      zh: `${nameZh(unit)}的上级单位${nameZh(parent)}（升级链）`,
      en: `${nameEn(parent)}, the parent of ${nameEn(unit)} in the escalation chain`,
    },
  };
}
