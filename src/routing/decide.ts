/**
 * Routing one case: the pure function at the heart of Whistle.
 *
 * @module
 */

import { Almanac } from "json-rules-engine";
import { beijingTime } from "./beijing_time.ts";
import type { CompiledRuleset } from "./compile_ruleset.ts";
import type { RouteRule } from "./routing_index.ts";
import type { AssistingUnit, Bilingual, DecideOptions, Decision, MatchedRule } from "./decision.ts";
import type { CaseFacts } from "./facts.ts";
import { assignmentLimits, planAssignment, planToDeadlines } from "./plan_assignment.ts";
import { CATEGORY_SLOT, FACT_NAMES } from "./rule_gates.ts";
import type { MatterType } from "./ruleset.ts";

const HOUR_SLOT = FACT_NAMES.indexOf("hour");
const WEEKDAY_SLOT = FACT_NAMES.indexOf("weekday");
const NO_CACHE = { cache: false };
const NONE: readonly RouteRule[] = [];

/** The fact values of a case, by slot (see `FACT_NAMES`), derived facts included. */
function factValues(facts: CaseFacts, matterType: MatterType | undefined): unknown[] {
  const given = facts as unknown as Record<string, unknown>;
  const values = new Array<unknown>(FACT_NAMES.length);
  for (let slot = 0; slot < FACT_NAMES.length; slot++) values[slot] = given[FACT_NAMES[slot]];
  const time = beijingTime(facts.reported_at);
  values[CATEGORY_SLOT] = matterType?.category;
  values[HOUR_SLOT] = time?.hour;
  values[WEEKDAY_SLOT] = time?.weekday;
  return values;
}

/** The rules of the route that match, in evaluation order; see `rule_gates.ts`. */
async function matchingRules(
  rules: readonly RouteRule[],
  values: readonly unknown[],
): Promise<readonly RouteRule[]> {
  let hits: RouteRule[] | undefined;
  let toRun: RouteRule[] | undefined;
  rules: for (const rule of rules) {
    try {
      for (const gate of rule.gates) if (!gate.test(values)) continue rules;
    } catch {
      (toRun ??= []).push(rule); // an operator threw: json-rules-engine decides (and reports)
      continue;
    }
    if (rule.exact) (hits ??= []).push(rule);
    else (toRun ??= []).push(rule);
  }
  if (!toRun) return hits ?? NONE;
  const almanac = new Almanac({ allowUndefinedFacts: true });
  for (let slot = 0; slot < values.length; slot++) {
    if (values[slot] !== undefined) almanac.addFact(FACT_NAMES[slot], values[slot], NO_CACHE);
  }
  const results = await Promise.all(toRun.map((rule) => rule.evaluate(almanac)));
  const confirmed = toRun.filter((_, i) => results[i]);
  if (!hits) return confirmed;
  return [...hits, ...confirmed].sort((a, b) => a.rank - b.rank);
}

function matchedRule(rule: RouteRule): MatchedRule {
  const { type, params } = rule.event;
  return {
    name: rule.name,
    priority: rule.priority,
    event: params ? { type, params: { ...params } } : { type },
  };
}

function raiseLevels(rule: RouteRule): number {
  const levels = rule.event.type === "raise_level" ? rule.event.params?.levels : undefined;
  return typeof levels === "number" && Number.isFinite(levels) && levels >= 1
    ? Math.floor(levels)
    : 1;
}

/**
 * Routes one case. Pure: the same ruleset, facts, `now` and options always give the same
 * decision; nothing is read from or written to anywhere else.
 *
 * 1. The admission list names the owner of the matter type (`list_owner`).
 * 2. Exception rules that can apply to the type run in json-rules-engine with the facts plus the
 *    derived `category`, `hour` and `weekday` (Beijing time, from `reported_at`).
 * 3. Of the matching `assign` rules the highest priority wins (a tie goes to the rule that comes
 *    first in the document); a unit in `options.exclude` is passed over for the next matching
 *    rule, then the list owner.
 * 4. Matching `raise_level` rules move the owner up its parent chain by the largest `levels`
 *    among them (提级响应), stopping at the top and never landing on an excluded unit.
 * 5. An unknown matter type that no rule claims, or a case no unit is left for, goes to the
 *    ruleset's `fallback_unit` for manual dispatch (人工派单, `fallback: true`), even when that
 *    unit is excluded: no case is dropped. A raise does not apply to it.
 * 6. Priority is urgent when the case was reported urgent or a raise matched. Deadlines add the
 *    matter type's time limits (the urgent ones when urgent and defined) to `now`; an unknown
 *    type uses the class named `standard`, else the first class.
 *
 * @example
 * ```ts
 * import { compileRuleset } from "./compile_ruleset.ts";
 * import { decide } from "./decide.ts";
 * const ruleset = compileRuleset({
 *   name: "demo",
 *   fallback_unit: "CENTER",
 *   time_limit_classes: {
 *     standard: { name_zh: "标准", name_en: "Standard", normal: { accept: "PT2H", resolve: "P2D" } },
 *   },
 *   units: [
 *     { code: "CENTER", name_zh: "区综治中心", name_en: "District center", tier: "district", parent: null },
 *     { code: "FIRE", name_zh: "消防大队", name_en: "Fire brigade", tier: "department", parent: "CENTER" },
 *   ],
 *   matter_types: [{
 *     code: "MT-1",
 *     category: "public_safety",
 *     name_zh: "安全隐患",
 *     name_en: "Safety hazard",
 *     owner: "CENTER",
 *     time_limit_class: "standard",
 *   }],
 *   exception_rules: [{
 *     name: "gas-to-fire",
 *     conditions: { all: [{ fact: "text", operator: "containsText", value: "燃气" }] },
 *     event: { type: "assign", params: { owner: "FIRE" } },
 *   }],
 * }, { version: 1, hash: "demo" });
 * const decision = await decide(ruleset, {
 *   type: "MT-1",
 *   urgency: "normal",
 *   channel: "hotline",
 *   source: "12345",
 *   text: "楼道有燃气味",
 *   reported_at: "2026-03-02T01:00:00Z",
 * }, new Date("2026-03-02T01:05:00Z"));
 * if (decision.owner !== "FIRE") throw new Error(decision.reason.en);
 * if (decision.deadlines.accept_by !== "2026-03-02T03:05:00.000Z") throw new Error("deadline");
 * ```
 */
export async function decide(
  ruleset: CompiledRuleset,
  facts: CaseFacts,
  now: Date,
  options?: DecideOptions,
): Promise<Decision> {
  const { routing, units } = ruleset;
  const fallbackUnit = ruleset.document.fallback_unit;
  const exclude = options?.exclude ?? [];
  const matterType = ruleset.matterTypes.get(facts.type);
  const route = routing.routes.get(facts.type) ?? routing.otherTypes;
  const matched = route.rules.length === 0
    ? NONE
    : await matchingRules(route.rules, factValues(facts, matterType));

  const zh: string[] = [];
  const en: string[] = [];
  const nameZh = (code: string) => units.get(code)?.name_zh ?? code;
  const nameEn = (code: string) => units.get(code)?.name_en ?? code;
  const excluded = (code: string) => exclude.includes(code);

  const listOwner = matterType?.owner ?? null;
  if (matterType) {
    zh.push(
      `事项准入清单：“${matterType.name_zh}”（${matterType.code}）由${
        nameZh(matterType.owner)
      }承办。`,
    );
    en.push(
      `Admission list: "${matterType.name_en}" (${matterType.code}) is owned by ${
        nameEn(matterType.owner)
      }.`,
    );
  } else {
    zh.push(`事项编码“${facts.type}”不在事项准入清单中。`);
    en.push(`Matter type "${facts.type}" is not in the admission list.`);
  }

  // Exception rules that assign an owner, best first.
  let owner: string | null = null;
  let winner: RouteRule | null = null;
  const outranked: string[] = [];
  for (const rule of matched) {
    if (rule.event.type !== "assign") continue;
    if (owner !== null) {
      outranked.push(rule.name);
      continue;
    }
    const target = String(rule.event.params?.owner);
    if (!units.has(target)) {
      zh.push(`${rule.label.zh}指定的承办单位“${target}”不在本规则集的单位中，未采用。`);
      en.push(`${rule.label.en} names "${target}", which is not a unit of this ruleset; skipped.`);
    } else if (excluded(target)) {
      zh.push(`${rule.label.zh}本应派${nameZh(target)}，但该单位已被排除（如已退单）。`);
      en.push(
        `${rule.label.en} would send it to ${
          nameEn(target)
        }, but that unit is excluded (e.g. it returned the case).`,
      );
    } else {
      owner = target;
      winner = rule;
      zh.push(`${rule.label.zh}将其改派${nameZh(target)}。`);
      en.push(`${rule.label.en} sends it to ${nameEn(target)}.`);
    }
  }
  if (outranked.length > 0) {
    zh.push(
      `同时命中但优先级较低或排序靠后、未采用的规则：${
        outranked.map((n) => `“${n}”`).join("、")
      }。`,
    );
    en.push(
      `Also matched but not applied (lower priority or later in the list): ${
        outranked.map((n) => `"${n}"`).join(", ")
      }.`,
    );
  }
  if (owner === null && listOwner !== null) {
    if (units.has(listOwner) && !excluded(listOwner)) {
      owner = listOwner;
    } else if (!units.has(listOwner)) {
      zh.push(`清单承办单位“${listOwner}”不在本规则集的单位中。`);
      en.push(`The listed owner "${listOwner}" is not a unit of this ruleset.`);
    } else {
      zh.push(`清单承办单位${nameZh(listOwner)}已被排除（如已退单）。`);
      en.push(`The listed owner ${nameEn(listOwner)} is excluded (e.g. it returned the case).`);
    }
  }

  let fallback = false;
  if (owner === null) {
    fallback = true;
    owner = fallbackUnit;
    if (matterType || matched.some((rule) => rule.event.type === "assign")) {
      zh.push(`没有其他可承办的单位，转兜底单位${nameZh(fallbackUnit)}人工派单。`);
      en.push(
        `No other unit can take it, so it goes to the fallback unit, ${nameEn(fallbackUnit)}.`,
      );
    } else {
      zh.push(`没有例外规则认领，转兜底单位${nameZh(fallbackUnit)}人工派单。`);
      en.push(
        `No exception rule claims it, so it goes to the fallback unit, ${nameEn(fallbackUnit)}.`,
      );
    }
  }

  // 提级响应: the largest raise among the matching raise_level rules and the ruleset's setting
  // for urgent cases.
  let raise: { levels: number; label: Bilingual } | null = null;
  for (const rule of matched) {
    if (rule.event.type === "raise_level" && (!raise || raiseLevels(rule) > raise.levels)) {
      raise = { levels: raiseLevels(rule), label: rule.label };
    }
  }
  const settingLevels = facts.urgency === "urgent" ? ruleset.lifecycle.urgentRaiseLevels : 0;
  if (settingLevels > 0 && (!raise || settingLevels > raise.levels)) {
    raise = {
      levels: settingLevels,
      label: {
        zh: `规则集设置“紧急件提级${settingLevels}级响应”`,
        en: `The ruleset setting "urgent cases start ${settingLevels} level${
          settingLevels === 1 ? "" : "s"
        } up"`,
      },
    };
  }
  if (raise && fallback) {
    zh.push(`${raise.label.zh}要求提级响应；案件先转人工派单，不提级。`);
    en.push(`${raise.label.en} asks to raise the level; the case goes to manual dispatch first.`);
  } else if (raise) {
    const from = owner;
    const levels = raise.levels;
    let current = from;
    let steps = 0;
    const skipped: string[] = [];
    for (let guard = 0; guard <= units.size; guard++) {
      const parent = units.get(current)?.parent;
      if (!parent || (steps >= levels && !excluded(current))) break;
      current = parent;
      steps++;
      if (steps >= levels && excluded(current)) skipped.push(current);
    }
    if (excluded(current)) {
      owner = fallbackUnit;
      fallback = true;
      zh.push(
        `${raise.label.zh}要求提级响应，但上级单位均已被排除，转兜底单位${
          nameZh(fallbackUnit)
        }人工派单。`,
      );
      en.push(
        `${raise.label.en} raises the level, but every unit above is excluded, so it goes to the fallback unit, ${
          nameEn(fallbackUnit)
        }.`,
      );
    } else if (steps === 0) {
      zh.push(`${raise.label.zh}要求提级响应，但${nameZh(from)}已是最高一级，仍由其承办。`);
      en.push(
        `${raise.label.en} asks to raise the level, but ${
          nameEn(from)
        } is already at the top of the chain.`,
      );
    } else {
      owner = current;
      const skippedZh = skipped.length ? `（跳过已被排除的${skipped.map(nameZh).join("、")}）` : "";
      const skippedEn = skipped.length
        ? ` (skipping excluded ${skipped.map(nameEn).join(", ")})`
        : "";
      const topZh = steps < levels ? "（已到最高一级）" : "";
      const topEn = steps < levels ? " (the top of the chain)" : "";
      zh.push(
        `${raise.label.zh}要求提级响应${levels}级：由${nameZh(from)}上提至${
          nameZh(current)
        }${topZh}${skippedZh}。`,
      );
      en.push(
        `${raise.label.en} raises it ${levels} level${levels === 1 ? "" : "s"} (提级响应): ${
          nameEn(current)
        }${topEn} takes it instead of ${nameEn(from)}${skippedEn}.`,
      );
    }
  }

  const reportedUrgent = facts.urgency === "urgent";
  const urgent = reportedUrgent || raise !== null;
  const limitClass = (matterType && routing.limitClasses.get(matterType.time_limit_class)) ??
    routing.defaultLimitClass;
  const limits = urgent && limitClass.urgent ? limitClass.urgent : limitClass.normal;
  if (urgent) {
    zh.push(`按紧急件办理（${reportedUrgent ? "上报为紧急" : "提级响应"}）。`);
    en.push(
      `Handled as urgent (${reportedUrgent ? "reported as urgent" : "the level was raised"}).`,
    );
  }
  const which = matterType ? "" : "默认";
  const whichEn = matterType ? "" : "default ";
  const urgentZh = urgent && limitClass.urgent ? "（紧急）" : "";
  const urgentEn = urgent && limitClass.urgent ? "urgent " : "";
  zh.push(`${which}时限“${limitClass.label.zh}”${urgentZh}：${limits.words.zh}。`);
  en.push(
    `Time limits (${whichEn}class "${limitClass.label.en}", ${urgentEn}${
      urgentEn ? "" : "normal "
    }limits): ${limits.words.en}.`,
  );

  const leadLimits = assignmentLimits(ruleset, facts.type, urgent, "lead");
  const leadPlan = planAssignment(ruleset, leadLimits, now);
  const assisting = assistingUnits(ruleset, matterType?.assisting_units ?? [], {
    owner,
    winner,
    matched,
    excluded,
    zh,
    en,
  }).map((unit): AssistingUnit => {
    const limits = assignmentLimits(ruleset, facts.type, urgent, "assist");
    const plan = planAssignment(ruleset, limits, now, { cap: leadPlan.resolve_by });
    return { unit, deadlines: planToDeadlines(plan, limits) };
  });
  const gaps = [
    ...new Set([
      ...leadPlan.uncovered_years,
      ...assisting.flatMap((a) => a.deadlines.uncovered_years ?? []),
    ]),
  ].sort((a, b) => a - b);
  if (gaps.length > 0) {
    zh.push(
      `注意：工作日期限落在${
        gaps.join("、")
      }年，该年的节假日安排尚未载入（既不在 chinese-days 数据中，也不在规则集 calendar 中），暂按普通周末计算。`,
    );
    en.push(
      `Warning: a working-time deadline falls in ${
        gaps.join(", ")
      }, a year with no holiday calendar (neither chinese-days nor the ruleset's calendar has it); plain weekends were assumed.`,
    );
  }

  return {
    owner,
    list_owner: listOwner,
    matched_rules: matched.map(matchedRule),
    fallback,
    priority: urgent ? "urgent" : "normal",
    reason: { zh: zh.join(""), en: en.join(" ") },
    deadlines: planToDeadlines(leadPlan, leadLimits),
    assisting,
    ruleset: { version: ruleset.version, hash: ruleset.hash },
  };
}

function unitList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * The assisting units (协办) of a case, in order: the matter type's, then those the winning
 * `assign` rule names (`params.assist`), then `assist` rules' additions, less their removals.
 * The owner, unknown units and excluded units are left out (the latter two with a reason).
 */
function assistingUnits(
  ruleset: CompiledRuleset,
  listed: readonly string[],
  context: {
    owner: string;
    winner: RouteRule | null;
    matched: readonly RouteRule[];
    excluded: (code: string) => boolean;
    zh: string[];
    en: string[];
  },
): string[] {
  const { units } = ruleset;
  const { zh, en } = context;
  const nameZh = (code: string) => units.get(code)?.name_zh ?? code;
  const nameEn = (code: string) => units.get(code)?.name_en ?? code;
  const chosen: string[] = [...listed];
  if (context.winner?.event.type === "assign") {
    const added = unitList(context.winner.event.params.assist);
    if (added.length > 0) {
      chosen.push(...added);
      zh.push(`${context.winner.label.zh}要求${added.map(nameZh).join("、")}协办。`);
      en.push(`${context.winner.label.en} adds ${added.map(nameEn).join(", ")} as assisting.`);
    }
  }
  const removed = new Set<string>();
  for (const rule of context.matched) {
    if (rule.event.type !== "assist") continue;
    const add = unitList(rule.event.params?.add);
    const remove = unitList(rule.event.params?.remove);
    chosen.push(...add);
    for (const code of remove) removed.add(code);
    const parts: Bilingual[] = [];
    if (add.length) {
      parts.push({
        zh: `增加协办单位${add.map(nameZh).join("、")}`,
        en: `adds ${add.map(nameEn).join(", ")} as assisting`,
      });
    }
    if (remove.length) {
      parts.push({
        zh: `不再由${remove.map(nameZh).join("、")}协办`,
        en: `removes ${remove.map(nameEn).join(", ")} from assisting`,
      });
    }
    if (parts.length) {
      zh.push(`${rule.label.zh}${parts.map((p) => p.zh).join("，")}。`);
      en.push(`${rule.label.en} ${parts.map((p) => p.en).join(" and ")}.`);
    }
  }
  const result: string[] = [];
  for (const code of chosen) {
    if (code === context.owner || removed.has(code) || result.includes(code)) continue;
    if (!units.has(code)) {
      zh.push(`协办单位“${code}”不在本规则集的单位中，未采用。`);
      en.push(`Assisting unit "${code}" is not a unit of this ruleset; skipped.`);
    } else if (context.excluded(code)) {
      zh.push(`${nameZh(code)}已被排除（如已退单），不再协办。`);
      en.push(`${nameEn(code)} is excluded (e.g. it returned the case) and does not assist.`);
    } else {
      result.push(code);
    }
  }
  if (result.length > 0) {
    zh.push(`主办单位${nameZh(context.owner)}，协办单位${result.map(nameZh).join("、")}。`);
    en.push(
      `${nameEn(context.owner)} leads; ${result.map(nameEn).join(", ")} assist${
        result.length === 1 ? "s" : ""
      }.`,
    );
  }
  return result;
}
