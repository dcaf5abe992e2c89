/**
 * Semantic checks of `exception_rules.json`: unique names, events that name existing units,
 * and conditions that use only the facts and operators of `src/routing/facts.ts` with values
 * they can actually match.
 *
 * @module
 */

import type { Bilingual } from "../routing/decision.ts";
import { BUILTIN_OPERATORS, CUSTOM_OPERATORS, FACTS } from "../routing/facts.ts";
import type { ExceptionRule, RulesetDocument, Unit, UnitTier } from "../routing/ruleset.ts";
import { closestName } from "./closest_name.ts";
import { type Finding, RULESET_FILES } from "./finding.ts";

const FILE = RULESET_FILES.exception_rules;

const FACT_TYPES: ReadonlyMap<string, "string" | "number"> = new Map(
  FACTS.map((fact) => [fact.name, fact.type]),
);
const OPERATORS: readonly string[] = [
  ...BUILTIN_OPERATORS,
  ...CUSTOM_OPERATORS.map((operator) => operator.name),
];
/** Operators whose value is a list. */
const LIST_OPERATORS = new Set(["in", "notIn", "containsAnyText"]);
/** Operators that compare numbers. */
const NUMBER_OPERATORS = new Set([
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
]);
/** Operators that look inside a list-valued fact (Whistle has none). */
const LIST_FACT_OPERATORS = new Set(["contains", "doesNotContain"]);
/** Operators that search text. */
const TEXT_OPERATORS = new Set(["containsText", "containsAnyText"]);
/** Facts whose values name units, with the tiers they should have. */
const UNIT_FACTS: Readonly<Record<string, readonly UnitTier[]>> = {
  area_code: ["street", "community"],
  grid_code: ["grid"],
};
const NUMBER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  hour: [0, 23],
  weekday: [1, 7],
};

const FACT_LIST = FACTS.map((fact) => fact.name).join(", ");
const OPERATOR_LIST = OPERATORS.join(", ");

interface Context {
  findings: Finding[];
  item: string;
  units: ReadonlyMap<string, Unit>;
  matterCodes: ReadonlySet<string>;
  categories: ReadonlySet<string>;
}

/**
 * Checks the exception rules of a ruleset against its facts, operators, units and matter types.
 *
 * Errors: duplicate names, unknown event types, owners or facts or operators, bad `levels`,
 * condition references (Whistle has no shared conditions), list operators without a list,
 * values of the wrong type. Warnings: conditions that can never (or always) match, values that
 * name no known matter type, unit, category or hour.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateExceptionRules } from "./validate_exception_rules.ts";
 * const findings = validateExceptionRules({
 *   name: "demo",
 *   fallback_unit: "YG",
 *   time_limit_classes: {},
 *   units: [{ code: "YG", name_zh: "云冈区", name_en: "Yungang", tier: "district", parent: null }],
 *   matter_types: [],
 *   exception_rules: [{
 *     name: "night",
 *     conditions: { all: [{ fact: "hour", operator: "greaterThen", value: 22 }] },
 *     event: { type: "assign", params: { owner: "YG" } },
 *   }],
 * });
 * assert.equal(findings[0].field, "conditions.all[0].operator");
 * assert.match(findings[0].message.en, /unknown operator "greaterThen"; did you mean "greaterThan"\?/);
 * ```
 */
export function validateExceptionRules(document: RulesetDocument): Finding[] {
  const findings: Finding[] = [];
  const units = new Map(document.units.map((unit) => [unit.code, unit] as const));
  const matterCodes = new Set(document.matter_types.map((matter) => matter.code));
  const categories = new Set(document.matter_types.map((matter) => matter.category));
  const firstIndex = new Map<string, number>();

  document.exception_rules.forEach((rule, index) => {
    const item = typeof rule.name === "string" && rule.name.trim() !== "" ? rule.name : `#${index}`;
    const ctx: Context = { findings, item, units, matterCodes, categories };
    const first = firstIndex.get(rule.name);
    if (first !== undefined) {
      add(ctx, "error", "name", {
        zh: `规则名“${rule.name}”重复（第 #${first} 条与第 #${index} 条）；规则名是规则的唯一标识`,
        en:
          `rule name "${rule.name}" is used twice (#${first} and #${index}); the name is the rule's id`,
      });
    } else {
      firstIndex.set(rule.name, index);
    }
    if (rule.priority !== undefined) checkPriority(ctx, rule.priority, "priority");
    checkEvent(ctx, rule);
    checkCondition(ctx, rule.conditions, "conditions", true);
  });
  return findings;
}

function checkEvent(ctx: Context, rule: ExceptionRule): void {
  const event: { type?: unknown; params?: unknown } = rule.event;
  const params = isRecord(event.params) ? event.params : undefined;
  if (event.type === "assign") {
    const owner = params?.owner;
    if (typeof owner !== "string" || !ctx.units.has(owner)) {
      const guess = typeof owner === "string" ? closestName(owner, ctx.units.keys()) : undefined;
      add(ctx, "error", "event.params.owner", {
        zh: `指派对象 ${show(owner)} 在 units.json 中不存在${
          guess ? `；是否应为“${guess}”？` : "；请填写已有单位的编码"
        }`,
        en: `assign owner ${show(owner)} is not a unit in units.json${
          guess ? `; did you mean "${guess}"?` : "; use an existing unit code"
        }`,
      });
    }
  } else if (event.type === "raise_level") {
    const levels = params?.levels;
    if (levels !== undefined && !(Number.isInteger(levels) && Number(levels) > 0)) {
      add(ctx, "error", "event.params.levels", {
        zh: `提级层数应为正整数（如 1），实际是 ${show(levels)}`,
        en: `levels must be a positive whole number (e.g. 1), got ${show(levels)}`,
      });
    }
  } else if (event.type !== "assist") {
    // `assist` events (协办) are checked with the other lifecycle fields.
    add(ctx, "error", "event.type", {
      zh: `事件类型 ${
        show(event.type)
      } 不受支持；可选："assign"（指派给 params.owner）、"raise_level"（提级 params.levels 级）或 "assist"（增减协办单位）`,
      en: `event type ${
        show(event.type)
      } is not supported; use "assign" (to params.owner), "raise_level" (up params.levels steps) or "assist" (add or remove assisting units)`,
    });
  }
}

function checkCondition(ctx: Context, condition: unknown, field: string, topLevel: boolean): void {
  if (!isRecord(condition)) {
    add(ctx, "error", field, {
      zh: `条件必须是一个对象，实际是 ${show(condition)}`,
      en: `a condition must be an object, got ${show(condition)}`,
    });
    return;
  }
  if (condition.priority !== undefined) {
    checkPriority(ctx, condition.priority, `${field}.priority`);
  }
  if ("all" in condition || "any" in condition) {
    const key = "all" in condition ? "all" : "any";
    const list = condition[key];
    if (!Array.isArray(list)) {
      add(ctx, "error", `${field}.${key}`, {
        zh: `“${key}”应为条件列表，实际是 ${show(list)}`,
        en: `"${key}" must be a list of conditions, got ${show(list)}`,
      });
      return;
    }
    if (list.length === 0) {
      add(
        ctx,
        "warning",
        `${field}.${key}`,
        key === "all"
          ? {
            zh: "空的 all 总是成立：这条规则会命中每一个案件",
            en: "an empty all is always true: this matches every case",
          }
          : { zh: "空的 any 永不成立：这部分条件永远不会命中", en: "an empty any is never true" },
      );
    }
    list.forEach((child, i) => checkCondition(ctx, child, `${field}.${key}[${i}]`, false));
    return;
  }
  if ("not" in condition) {
    checkCondition(ctx, condition.not, `${field}.not`, false);
    return;
  }
  if ("condition" in condition) {
    add(ctx, "error", `${field}.condition`, {
      zh: `不支持引用共享条件（${
        show(condition.condition)
      }）：Whistle 尚无共享条件；请把条件直接写在规则里`,
      en: `condition references (${
        show(condition.condition)
      }) are not supported: Whistle has no shared conditions yet; write the condition out in the rule`,
    });
    return;
  }
  if (!("fact" in condition)) {
    add(ctx, "error", field, {
      zh: "条件必须含 all、any、not 或 fact 之一",
      en: 'a condition needs one of "all", "any", "not" or "fact"',
    });
    return;
  }
  if (topLevel) {
    add(ctx, "error", field, {
      zh: 'conditions 顶层必须是 all、any 或 not；请把这个比较放进 { "all": [ ... ] }',
      en:
        'the top of "conditions" must be "all", "any" or "not"; wrap this comparison as { "all": [ ... ] }',
    });
  }
  checkComparison(ctx, condition, field);
}

function checkComparison(ctx: Context, condition: Record<string, unknown>, field: string): void {
  const { fact, operator, value } = condition;
  const factType = typeof fact === "string" ? FACT_TYPES.get(fact) : undefined;
  if (factType === undefined) {
    const guess = typeof fact === "string" ? closestName(fact, FACT_TYPES.keys()) : undefined;
    add(ctx, "error", `${field}.fact`, {
      zh: `未知事实 ${show(fact)}${
        guess ? `，是否应为“${guess}”？` : ""
      }；可用事实：${FACT_LIST}（见 src/routing/facts.ts）`,
      en: `unknown fact ${show(fact)}${
        guess ? `; did you mean "${guess}"?` : ""
      }; facts are: ${FACT_LIST} (see src/routing/facts.ts)`,
    });
  }
  const knownOperator = typeof operator === "string" && OPERATORS.includes(operator);
  if (!knownOperator) {
    const guess = typeof operator === "string" ? closestName(operator, OPERATORS) : undefined;
    add(ctx, "error", `${field}.operator`, {
      zh: `未知运算符 ${show(operator)}${
        guess ? `，是否应为“${guess}”？` : ""
      }；可用运算符：${OPERATOR_LIST}`,
      en: `unknown operator ${show(operator)}${
        guess ? `; did you mean "${guess}"?` : ""
      }; operators are: ${OPERATOR_LIST}`,
    });
  }
  if (condition.path !== undefined) {
    add(ctx, "warning", `${field}.path`, {
      zh: "Whistle 的事实都是单个值，path 取不到内容，这个条件不会按预期命中；请删除 path",
      en:
        "every Whistle fact is a single value, so a path finds nothing and the condition will not match as meant; remove path",
    });
  }
  if (factType === undefined || !knownOperator || typeof fact !== "string") return;

  // json-rules-engine compares with another fact's value when value is { "fact": "..." }.
  if (isRecord(value) && "fact" in value) {
    if (typeof value.fact !== "string" || !FACT_TYPES.has(value.fact)) {
      add(ctx, "error", `${field}.value.fact`, {
        zh: `value 引用了未知事实 ${show(value.fact)}；可用事实：${FACT_LIST}`,
        en: `value refers to unknown fact ${show(value.fact)}; facts are: ${FACT_LIST}`,
      });
    }
    return;
  }

  const valueField = `${field}.value`;
  if (value === undefined) {
    add(ctx, "error", valueField, {
      zh: "比较条件缺少 value（要比较的值）",
      en: 'a fact comparison needs a "value" to compare with',
    });
    return;
  }
  if (LIST_OPERATORS.has(operator)) {
    if (!Array.isArray(value)) {
      add(ctx, "error", valueField, {
        zh: `运算符 ${operator} 需要一个值列表，如 ["甲", "乙"]；实际是 ${show(value)}`,
        en: `operator ${operator} needs a list of values, e.g. ["a", "b"]; got ${show(value)}`,
      });
      return;
    }
    if (value.length === 0) {
      add(ctx, "warning", valueField, {
        zh: `${operator} 的值列表为空，这个条件${operator === "notIn" ? "总是成立" : "永不成立"}`,
        en: `the list for ${operator} is empty, so this condition is ${
          operator === "notIn" ? "always" : "never"
        } true`,
      });
    }
    const elementType = operator === "containsAnyText" ? "string" : factType;
    value.forEach((element, i) => {
      if (checkValueType(ctx, fact, elementType, element, `${valueField}[${i}]`)) {
        if (operator !== "containsAnyText") checkDomain(ctx, fact, element, `${valueField}[${i}]`);
      }
    });
  } else if (operator === "containsText") {
    checkValueType(ctx, fact, "string", value, valueField);
  } else if (NUMBER_OPERATORS.has(operator)) {
    if (factType !== "number") {
      add(ctx, "error", `${field}.operator`, {
        zh: `运算符 ${operator} 比较数字，但事实“${fact}”是文本；请用 equal、in 或 containsText`,
        en:
          `operator ${operator} compares numbers, but fact "${fact}" is text; use equal, in or containsText`,
      });
      return;
    }
    checkValueType(ctx, fact, "number", value, valueField);
  } else if (LIST_FACT_OPERATORS.has(operator)) {
    add(ctx, "warning", `${field}.operator`, {
      zh:
        `运算符 ${operator} 只适用于列表型事实，而“${fact}”是单个值，这个条件不会命中；查找文字请用 containsText`,
      en:
        `operator ${operator} looks inside list facts, but "${fact}" is a single value, so this never matches; use containsText to search text`,
    });
  } else if (checkValueType(ctx, fact, factType, value, valueField)) {
    checkDomain(ctx, fact, value, valueField);
  }
  if (TEXT_OPERATORS.has(operator) && factType !== "string") {
    add(ctx, "warning", `${field}.operator`, {
      zh: `运算符 ${operator} 搜索文本，但事实“${fact}”是数字`,
      en: `operator ${operator} searches text, but fact "${fact}" is a number`,
    });
  }
}

/** Checks that a value has the fact's type; answers whether it does. */
function checkValueType(
  ctx: Context,
  fact: string,
  type: "string" | "number",
  value: unknown,
  field: string,
): boolean {
  if (type === "string" && typeof value === "string" && value !== "") return true;
  if (type === "number" && typeof value === "number" && Number.isFinite(value)) return true;
  add(
    ctx,
    "error",
    field,
    type === "string"
      ? {
        zh: `事实“${fact}”在此处需要非空文本值，实际是 ${show(value)}`,
        en: `fact "${fact}" needs a non-empty text value here, got ${show(value)}`,
      }
      : {
        zh: `事实“${fact}”是数字，值应为数字（如 22，不带引号），实际是 ${show(value)}`,
        en: `fact "${fact}" is a number, so the value must be a number (e.g. 22, no quotes), got ${
          show(value)
        }`,
      },
  );
  return false;
}

/** Warns when a value cannot occur: an unknown matter type, unit, category, urgency or hour. */
function checkDomain(ctx: Context, fact: string, value: unknown, field: string): void {
  if (fact === "type" && typeof value === "string" && !ctx.matterCodes.has(value)) {
    const guess = closestName(value, ctx.matterCodes);
    add(ctx, "warning", field, {
      zh: `matter_types.json 中没有事项“${value}”${guess ? `；是否应为“${guess}”？` : ""}`,
      en: `there is no matter type "${value}" in matter_types.json${
        guess ? `; did you mean "${guess}"?` : ""
      }`,
    });
  } else if (fact === "category" && typeof value === "string" && !ctx.categories.has(value)) {
    const list = [...ctx.categories].join(", ");
    add(ctx, "warning", field, {
      zh: `没有任何事项属于类别“${value}”；已用的类别：${list}`,
      en: `no matter type has category "${value}"; categories in use: ${list}`,
    });
  } else if (fact === "urgency" && value !== "normal" && value !== "urgent") {
    add(ctx, "warning", field, {
      zh: `紧急程度只有 "normal" 和 "urgent"，${show(value)} 永远不会出现`,
      en: `urgency is "normal" or "urgent"; ${show(value)} never occurs`,
    });
  } else if (fact in UNIT_FACTS && typeof value === "string") {
    const tiers = UNIT_FACTS[fact];
    const unit = ctx.units.get(value);
    if (!unit || !tiers.includes(unit.tier)) {
      const guess = unit ? undefined : closestName(value, ctx.units.keys());
      add(ctx, "warning", field, {
        zh: `${fact} 的值应为 ${tiers.join(" 或 ")} 级单位编码，但“${value}”${
          unit ? `是 ${unit.tier} 级单位` : "不在 units.json 中"
        }${guess ? `；是否应为“${guess}”？` : ""}`,
        en: `${fact} values are ${tiers.join(" or ")} unit codes, but "${value}" ${
          unit ? `is a ${unit.tier}` : "is not in units.json"
        }${guess ? `; did you mean "${guess}"?` : ""}`,
      });
    }
  } else if (fact in NUMBER_RANGES && typeof value === "number") {
    const [low, high] = NUMBER_RANGES[fact];
    if (!Number.isInteger(value) || value < low || value > high) {
      add(ctx, "warning", field, {
        zh: `${fact} 的取值是 ${low}–${high} 的整数，${value} 永远不会出现`,
        en: `${fact} is a whole number from ${low} to ${high}; ${value} never occurs`,
      });
    }
  }
}

function checkPriority(ctx: Context, priority: unknown, field: string): void {
  if (!(Number.isInteger(priority) && Number(priority) > 0)) {
    add(ctx, "error", field, {
      zh: `priority 应为正整数（数字越大越先执行），实际是 ${show(priority)}`,
      en: `priority must be a positive whole number (higher runs first), got ${show(priority)}`,
    });
  }
}

function add(
  ctx: Context,
  severity: Finding["severity"],
  field: string,
  message: Bilingual,
): void {
  ctx.findings.push({ severity, file: FILE, item: ctx.item, field, message });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
