/**
 * Semantic checks of `units.json`: unique codes, existing parents, no loops in parent chains.
 *
 * @module
 */

import type { Unit } from "../routing/ruleset.ts";
import { closestName } from "./closest_name.ts";
import { type Finding, RULESET_FILES } from "./finding.ts";

const FILE = RULESET_FILES.units;

/**
 * Checks the units of a ruleset. Every parent chain must end at a unit whose parent is `null`;
 * a loop is reported once, at the first of its units in file order, with the whole loop named.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateUnits } from "./validate_units.ts";
 * const findings = validateUnits([
 *   { code: "A", name_zh: "甲", name_en: "A", tier: "street", parent: "B" },
 *   { code: "B", name_zh: "乙", name_en: "B", tier: "street", parent: "A" },
 * ]);
 * assert.match(findings[0].message.en, /^the parent chain loops: A → B → A;/);
 * ```
 */
export function validateUnits(units: readonly Unit[]): Finding[] {
  const findings: Finding[] = [];
  const byCode = new Map<string, Unit>();
  const firstIndex = new Map<string, number>();

  units.forEach((unit, index) => {
    const item = itemName(unit, index);
    if (firstIndex.has(unit.code)) {
      findings.push({
        severity: "error",
        file: FILE,
        item,
        field: "code",
        message: {
          zh: `单位编码“${unit.code}”重复（第 #${
            firstIndex.get(unit.code)
          } 项与第 #${index} 项）；每个单位需要唯一编码`,
          en: `unit code "${unit.code}" is used twice (#${
            firstIndex.get(unit.code)
          } and #${index}); every unit needs its own code`,
        },
      });
    } else {
      firstIndex.set(unit.code, index);
      byCode.set(unit.code, unit);
    }
  });

  units.forEach((unit, index) => {
    const item = itemName(unit, index);
    if (unit.parent === null) {
      if (unit.tier !== "city") {
        findings.push({
          severity: "warning",
          file: FILE,
          item,
          field: "parent",
          message: {
            zh:
              `单位“${unit.code}”（${unit.tier}）没有上级：超时的案件无处升级；通常只有最顶层（city）单位的 parent 为 null`,
            en:
              `unit "${unit.code}" (${unit.tier}) has no parent, so its overdue cases have nowhere to escalate; usually only the top (city) unit has parent null`,
          },
        });
      }
      return;
    }
    if (!byCode.has(unit.parent)) {
      const guess = closestName(unit.parent, byCode.keys());
      findings.push({
        severity: "error",
        file: FILE,
        item,
        field: "parent",
        message: {
          zh: `上级单位“${unit.parent}”在 units.json 中不存在${
            guess ? `；是否应为“${guess}”？` : "；请填写已有单位的编码，或填 null 表示最顶层"
          }`,
          en: `parent "${unit.parent}" is not a unit in units.json${
            guess
              ? `; did you mean "${guess}"?`
              : "; use an existing unit code, or null for the top"
          }`,
        },
      });
    }
  });

  for (const cycle of parentCycles(units, byCode)) {
    const [first] = cycle;
    const loop = [...cycle, first].join(" → ");
    findings.push({
      severity: "error",
      file: FILE,
      item: first,
      field: "parent",
      message: {
        zh: `上级链形成循环：${loop}；升级链必须终止于 parent 为 null 的单位`,
        en: `the parent chain loops: ${loop}; a chain must end at a unit whose parent is null`,
      },
    });
  }
  return findings;
}

/**
 * Every loop in the parent chains, each once, each starting at its unit that comes first in the
 * file.
 */
function parentCycles(units: readonly Unit[], byCode: ReadonlyMap<string, Unit>): string[][] {
  const order = new Map(units.map((unit, index) => [unit.code, index] as const));
  const state = new Map<string, "visiting" | "done">();
  const cycles: string[][] = [];
  for (const unit of units) {
    const chain: string[] = [];
    let current: string | null = unit.code;
    while (current !== null && byCode.has(current) && !state.has(current)) {
      state.set(current, "visiting");
      chain.push(current);
      current = byCode.get(current)?.parent ?? null;
    }
    if (current !== null && state.get(current) === "visiting") {
      const cycle = chain.slice(chain.indexOf(current));
      let start = 0;
      cycle.forEach((code, i) => {
        if ((order.get(code) ?? 0) < (order.get(cycle[start]) ?? 0)) start = i;
      });
      cycles.push([...cycle.slice(start), ...cycle.slice(0, start)]);
    }
    for (const code of chain) state.set(code, "done");
  }
  return cycles;
}

function itemName(unit: Unit, index: number): string {
  return typeof unit.code === "string" && unit.code.trim() !== "" ? unit.code : `#${index}`;
}
