/**
 * A tiny ruleset for routing tests: a district with one street, one community and grid, four
 * departments and a power company; four matter types; three time-limit classes. Tests add the
 * exception rules they need.
 *
 * @module
 */

import { type CompiledRuleset, compileRuleset } from "../../src/routing/compile_ruleset.ts";
import type { CaseFacts } from "../../src/routing/facts.ts";
import type { ExceptionRule, RulesetDocument, Unit } from "../../src/routing/ruleset.ts";

const unit = (
  code: string,
  tier: Unit["tier"],
  parent: string | null,
  name_zh: string,
  name_en: string,
): Unit => ({ code, name_zh, name_en, tier, parent });

/** The fixture document with `rules` as its exception rules. */
export function fixtureDocument(rules: ExceptionRule[] = []): RulesetDocument {
  return {
    name: "测试规则集 test ruleset",
    fallback_unit: "CENTER",
    time_limit_classes: {
      small: {
        name_zh: "小事",
        name_en: "Small matter",
        normal: { accept: "PT30M", resolve: "PT2H" },
        urgent: { accept: "PT10M", resolve: "PT1H" },
      },
      standard: {
        name_zh: "耗时事项",
        name_en: "Time-consuming matter",
        normal: { accept: "PT2H", resolve: "P2D" },
        urgent: { accept: "PT30M", resolve: "P1D" },
      },
      complex: {
        name_zh: "复杂事项",
        name_en: "Complex matter",
        normal: { accept: "PT4H", resolve: "P7D" },
      },
    },
    units: [
      unit("CITY", "city", null, "市12345热线", "City hotline"),
      unit("DIST", "district", "CITY", "云冈区", "Yungang District"),
      unit("CENTER", "district", "DIST", "区综治中心", "District center"),
      unit("ST1", "street", "DIST", "新旺街道", "Xinwang Street"),
      unit("ST1-C1", "community", "ST1", "和瑞园社区", "Heruiyuan Community"),
      unit("ST1-C1-G1", "grid", "ST1-C1", "和瑞园第一网格", "Heruiyuan grid 1"),
      unit("CGJ", "department", "DIST", "区城管局", "Urban Management Bureau"),
      unit("MZJ", "department", "DIST", "区民政局", "Civil Affairs Bureau"),
      unit("GAFJ", "department", "DIST", "公安分局", "Police branch"),
      unit("XFDD", "department", "DIST", "消防大队", "Fire brigade"),
      unit("POWER", "enterprise", "CITY", "国网供电公司", "State Grid power company"),
    ],
    matter_types: [
      {
        code: "MT-CG-001",
        category: "public_order",
        name_zh: "占道经营",
        name_en: "Street vending",
        owner: "CGJ",
        time_limit_class: "small",
      },
      {
        code: "MT-MZ-001",
        category: "dispute",
        name_zh: "邻里纠纷",
        name_en: "Neighbour dispute",
        owner: "MZJ",
        time_limit_class: "standard",
      },
      {
        code: "MT-PS-ELEC",
        category: "public_service",
        name_zh: "停电",
        name_en: "Power outage",
        owner: "CENTER",
        time_limit_class: "small",
      },
      {
        code: "MT-AQ-001",
        category: "public_safety",
        name_zh: "安全隐患",
        name_en: "Safety hazard",
        owner: "ST1-C1-G1",
        time_limit_class: "complex",
      },
    ],
    exception_rules: rules,
  };
}

/** The fixture compiled as version 7 with hash `"fixture-hash"`. */
export function fixture(rules: ExceptionRule[] = []): CompiledRuleset {
  return compileRuleset(fixtureDocument(rules), { version: 7, hash: "fixture-hash" });
}

/** Monday 2026-03-02, 10:05 in Beijing. */
export const NOW = new Date("2026-03-02T02:05:00Z");

/** A street-vending case reported on Monday 2026-03-02 at 10:00 Beijing time, plus `changes`. */
export function facts(changes: Partial<CaseFacts> = {}): CaseFacts {
  return {
    type: "MT-CG-001",
    area_code: "ST1-C1",
    grid_code: "ST1-C1-G1",
    urgency: "normal",
    channel: "hotline",
    source: "12345",
    text: "路边有人摆摊占道",
    reported_at: "2026-03-02T02:00:00Z",
    ...changes,
  };
}

/** An `assign` rule with `conditions`. */
export function assignRule(
  name: string,
  owner: string,
  conditions: ExceptionRule["conditions"],
  priority?: number,
  description?: string,
): ExceptionRule {
  return {
    name,
    ...(description ? { description } : {}),
    ...(priority !== undefined ? { priority } : {}),
    conditions,
    event: { type: "assign", params: { owner } },
  };
}

/** A `raise_level` rule with `conditions`. */
export function raiseRule(
  name: string,
  conditions: ExceptionRule["conditions"],
  levels?: number,
  priority?: number,
): ExceptionRule {
  return {
    name,
    ...(priority !== undefined ? { priority } : {}),
    conditions,
    event: levels === undefined ? { type: "raise_level" } : {
      type: "raise_level",
      params: { levels },
    },
  };
}
