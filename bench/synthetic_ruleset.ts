/**
 * Synthetic but realistic rulesets and cases for the routing benchmarks.
 *
 * Shape of `syntheticRuleset(n)`:
 * - units: a city, a district, the district center (fallback), 10 streets × 8 communities × 4
 *   grids, 20 district departments and 5 enterprises (447 units), each with its parent;
 * - a few rules that apply to every type (2 at n ≤ 10, 4 at n ≤ 100, else 5): gas-leak keywords
 *   to the fire brigade, urgent public-safety cases raised a level, night public-order leads to
 *   the police, unpaid-wage keywords (`type notIn`), weekend complaints from online channels;
 * - the other rules in groups of 5 per matter type (the last group may be smaller): an area rule
 *   (`type equal` + `any` of communities or grids → the street center), a keyword rule
 *   (`containsAnyText` → a department), an urgent-hotline raise (`raise_level`), a weekend rule
 *   over two types (`type in` + `weekday` + `not`), and an area + keyword rule (→ an enterprise);
 * - as many matter types again as a fifth of those, with no rules of their own (admission list
 *   only); categories and time-limit classes rotate.
 *
 * `syntheticCases()` draws cases only from matter types that have rules, with areas, grids,
 * channels, urgency (10 % urgent) and times spread out, and texts of which about a quarter carry a
 * keyword of their type's rules (so some rules match and most do not, as in the field).
 *
 * @module
 */

import type { CaseFacts } from "../src/routing/facts.ts";
import type { ExceptionRule, MatterType, RulesetDocument, Unit } from "../src/routing/ruleset.ts";

const CATEGORIES = ["dispute", "public_order", "public_safety", "public_service"] as const;
const CLASSES = ["small", "standard", "complex"] as const;
const STREETS = 10;
const COMMUNITIES = 8;
const GRIDS = 4;
const DEPARTMENTS = 20;
const ENTERPRISES = 5;
const WORDS = [
  "噪音",
  "漏水",
  "占道",
  "垃圾",
  "路灯",
  "井盖",
  "停车",
  "油烟",
  "违建",
  "积水",
  "树木",
  "电梯",
  "供暖",
  "物业",
  "宠物",
  "广告",
];
const PLAIN_TEXTS = [
  "小区门口有问题需要处理，请尽快安排人员查看。",
  "居民反映楼下情况影响生活，希望相关部门协调解决。",
  "网格员巡查发现隐患，已拍照上报，请派单处置。",
  "市民来电称附近长期存在问题，多次反映未果。",
];

/** A small seeded PRNG (mulberry32), so every run benchmarks the same cases. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const street = (s: number) => `S${String(s + 1).padStart(2, "0")}`;
const community = (s: number, c: number) => `${street(s)}-C${String(c + 1).padStart(2, "0")}`;
const grid = (s: number, c: number, g: number) => `${community(s, c)}-G${g + 1}`;
const department = (d: number) => `DEP${String(d + 1).padStart(2, "0")}`;
const enterprise = (e: number) => `ENT${e + 1}`;
const typeCode = (t: number) => `MT-${String(t + 1).padStart(5, "0")}`;
/** Two keywords owned by the rules of type `t`. */
const typeWords = (t: number) => [`${WORDS[t % WORDS.length]}${t}`, `关键词${t}`];

function syntheticUnits(): Unit[] {
  const units: Unit[] = [
    { code: "CITY", name_zh: "市12345热线", name_en: "City hotline", tier: "city", parent: null },
    { code: "D", name_zh: "示范区", name_en: "Demo district", tier: "district", parent: "CITY" },
    {
      code: "D-CENTER",
      name_zh: "区综治中心",
      name_en: "District center",
      tier: "district",
      parent: "D",
    },
  ];
  for (let s = 0; s < STREETS; s++) {
    units.push({
      code: street(s),
      name_zh: `第${s + 1}街道`,
      name_en: `Street ${s + 1}`,
      tier: "street",
      parent: "D",
    });
    for (let c = 0; c < COMMUNITIES; c++) {
      units.push({
        code: community(s, c),
        name_zh: `第${s + 1}街道第${c + 1}社区`,
        name_en: `Community ${s + 1}-${c + 1}`,
        tier: "community",
        parent: street(s),
      });
      for (let g = 0; g < GRIDS; g++) {
        units.push({
          code: grid(s, c, g),
          name_zh: `${community(s, c)}第${g + 1}网格`,
          name_en: `Grid ${s + 1}-${c + 1}-${g + 1}`,
          tier: "grid",
          parent: community(s, c),
        });
      }
    }
  }
  for (let d = 0; d < DEPARTMENTS; d++) {
    units.push({
      code: department(d),
      name_zh: `区第${d + 1}局`,
      name_en: `Bureau ${d + 1}`,
      tier: "department",
      parent: "D",
    });
  }
  for (let e = 0; e < ENTERPRISES; e++) {
    units.push({
      code: enterprise(e),
      name_zh: `第${e + 1}公用企业`,
      name_en: `Utility ${e + 1}`,
      tier: "enterprise",
      parent: "CITY",
    });
  }
  return units;
}

function globalRules(count: number): ExceptionRule[] {
  const rules: ExceptionRule[] = [
    {
      name: "global-gas-leak",
      description: "涉及燃气泄漏的诉求派消防。 Gas leaks go to the fire brigade.",
      priority: 100,
      conditions: {
        all: [{ fact: "text", operator: "containsAnyText", value: ["燃气泄漏", "煤气泄漏"] }],
      },
      event: { type: "assign", params: { owner: department(0) } },
    },
    {
      name: "global-urgent-safety-raised",
      priority: 10,
      conditions: {
        all: [
          { fact: "urgency", operator: "equal", value: "urgent" },
          { fact: "category", operator: "equal", value: "public_safety" },
        ],
      },
      event: { type: "raise_level", params: { levels: 1 } },
    },
    {
      name: "global-night-public-order",
      priority: 30,
      conditions: {
        all: [
          { fact: "category", operator: "equal", value: "public_order" },
          {
            any: [
              { fact: "hour", operator: "greaterThanInclusive", value: 22 },
              { fact: "hour", operator: "lessThan", value: 6 },
            ],
          },
        ],
      },
      event: { type: "assign", params: { owner: department(1) } },
    },
    {
      name: "global-wage-arrears",
      priority: 40,
      conditions: {
        all: [
          { fact: "text", operator: "containsAnyText", value: ["欠薪", "拖欠工资"] },
          { fact: "type", operator: "notIn", value: [typeCode(0), typeCode(1)] },
        ],
      },
      event: { type: "assign", params: { owner: department(2) } },
    },
    {
      name: "global-weekend-online-complaints",
      priority: 5,
      conditions: {
        all: [
          { not: { fact: "channel", operator: "in", value: ["hotline", "grid_app"] } },
          { fact: "weekday", operator: "greaterThanInclusive", value: 6 },
          { fact: "text", operator: "containsText", value: "投诉" },
        ],
      },
      event: { type: "assign", params: { owner: department(3) } },
    },
  ];
  return rules.slice(0, count);
}

function typeRule(t: number, k: number, typeCount: number): ExceptionRule {
  const type = typeCode(t);
  const s = t % STREETS;
  const c = t % COMMUNITIES;
  const [word, word2] = typeWords(t);
  switch (k) {
    case 0:
      return {
        name: `${type}-area`,
        description: `本事项在${community(s, c)}等社区由街道直接处置。 Handled by the street here.`,
        priority: 50,
        conditions: {
          all: [
            { fact: "type", operator: "equal", value: type },
            {
              any: [
                {
                  fact: "area_code",
                  operator: "in",
                  value: [community(s, c), community(s, (c + 1) % COMMUNITIES)],
                },
                { fact: "grid_code", operator: "in", value: [grid(s, c, 0), grid(s, c, 1)] },
              ],
            },
          ],
        },
        event: { type: "assign", params: { owner: street(s) } },
      };
    case 1:
      return {
        name: `${type}-keyword`,
        priority: 40,
        conditions: {
          all: [
            { fact: "type", operator: "equal", value: type },
            { fact: "text", operator: "containsAnyText", value: [word, word2] },
          ],
        },
        event: { type: "assign", params: { owner: department(4 + (t % (DEPARTMENTS - 4))) } },
      };
    case 2:
      return {
        name: `${type}-urgent-hotline`,
        priority: 10,
        conditions: {
          all: [
            { fact: "type", operator: "equal", value: type },
            { fact: "urgency", operator: "equal", value: "urgent" },
            { fact: "channel", operator: "equal", value: "hotline" },
          ],
        },
        event: { type: "raise_level", params: { levels: 1 } },
      };
    case 3:
      return {
        name: `${type}-weekend`,
        priority: 20,
        conditions: {
          all: [
            { fact: "type", operator: "in", value: [type, typeCode((t + 1) % typeCount)] },
            { fact: "weekday", operator: "greaterThanInclusive", value: 6 },
            { not: { fact: "area_code", operator: "in", value: [community(s, 0)] } },
          ],
        },
        event: { type: "assign", params: { owner: community(s, c) } },
      };
    default:
      return {
        name: `${type}-utility`,
        priority: 45,
        conditions: {
          all: [
            { fact: "type", operator: "equal", value: type },
            { fact: "area_code", operator: "equal", value: community(s, (c + 2) % COMMUNITIES) },
            { fact: "text", operator: "containsText", value: word2 },
          ],
        },
        event: { type: "assign", params: { owner: enterprise(t % ENTERPRISES) } },
      };
  }
}

/** The number of matter types with rules of their own in `syntheticRuleset(ruleCount)`. */
function typesWithRules(ruleCount: number): number {
  return Math.ceil((ruleCount - globalRuleCount(ruleCount)) / 5);
}

function globalRuleCount(ruleCount: number): number {
  return ruleCount <= 10 ? 2 : ruleCount <= 100 ? 4 : 5;
}

/** A ruleset with `ruleCount` exception rules (see the module doc for its shape). */
export function syntheticRuleset(ruleCount: number): RulesetDocument {
  const globals = globalRules(globalRuleCount(ruleCount));
  const withRules = typesWithRules(ruleCount);
  const typeCount = withRules + Math.ceil(withRules / 5);
  const matterTypes: MatterType[] = [];
  for (let t = 0; t < typeCount; t++) {
    matterTypes.push({
      code: typeCode(t),
      category: CATEGORIES[t % CATEGORIES.length],
      name_zh: `事项${t + 1}`,
      name_en: `Matter ${t + 1}`,
      owner: department(t % DEPARTMENTS),
      time_limit_class: CLASSES[t % CLASSES.length],
    });
  }
  const rules: ExceptionRule[] = [...globals];
  for (let i = 0; rules.length < ruleCount; i++) {
    rules.push(typeRule(Math.floor(i / 5), i % 5, withRules));
  }
  return {
    name: `synthetic ${ruleCount}`,
    fallback_unit: "D-CENTER",
    time_limit_classes: {
      small: {
        name_zh: "小事",
        name_en: "Small",
        normal: { accept: "PT30M", resolve: "PT2H" },
        urgent: { accept: "PT10M", resolve: "PT1H" },
      },
      standard: {
        name_zh: "耗时事项",
        name_en: "Standard",
        normal: { accept: "PT2H", resolve: "P2D" },
        urgent: { accept: "PT30M", resolve: "P1D" },
      },
      complex: {
        name_zh: "复杂事项",
        name_en: "Complex",
        normal: { accept: "PT4H", resolve: "P7D" },
      },
    },
    units: syntheticUnits(),
    matter_types: matterTypes,
    exception_rules: rules,
  };
}

/** `count` cases of matter types that have rules in `syntheticRuleset(ruleCount)`. */
export function syntheticCases(ruleCount: number, count: number, seed = 12345): CaseFacts[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const withRules = Math.max(1, typesWithRules(ruleCount));
  const start = Date.parse("2026-03-02T00:00:00Z");
  const cases: CaseFacts[] = [];
  for (let i = 0; i < count; i++) {
    const t = Math.floor(random() * withRules);
    const s = Math.floor(random() * STREETS);
    const c = Math.floor(random() * COMMUNITIES);
    const roll = random();
    const text = roll < 0.25
      ? `${pick(PLAIN_TEXTS)}涉及${pick(typeWords(t))}。`
      : roll < 0.28
      ? `${pick(PLAIN_TEXTS)}闻到燃气泄漏的味道。`
      : roll < 0.3
      ? `${pick(PLAIN_TEXTS)}投诉${pick(WORDS)}。`
      : `${pick(PLAIN_TEXTS)}${pick(WORDS)}`;
    const channel = pick([
      "hotline",
      "hotline",
      "hotline",
      "grid_app",
      "grid_app",
      "wechat",
      "web",
    ]);
    cases.push({
      type: typeCode(t),
      area_code: random() < 0.9 ? community(s, c) : street(s),
      ...(random() < 0.5 ? { grid_code: grid(s, c, Math.floor(random() * GRIDS)) } : {}),
      urgency: random() < 0.1 ? "urgent" : "normal",
      channel,
      source: channel === "grid_app" ? "grid-platform" : "12345",
      text,
      reported_at: new Date(start + Math.floor(random() * 7 * 24 * 3_600_000)).toISOString(),
    });
  }
  return cases;
}
