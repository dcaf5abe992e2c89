/**
 * Compiling a ruleset: json-rules-engine engines indexed by matter type, parsed time limits and
 * the texts decision reasons are made of, built once per ruleset version so that a decision costs
 * the same whatever the size of the ruleset.
 *
 * @module
 */

import { type Almanac, Engine, Rule } from "json-rules-engine";
import { addCustomOperators } from "./custom_operators.ts";
import type { Bilingual } from "./decision.ts";
import { describeDuration } from "./describe_duration.ts";
import { parseDuration } from "./duration.ts";
import {
  CATEGORY_SLOT,
  type Gate,
  type OperatorLookup,
  ruleGates,
  TYPE_SLOT,
} from "./rule_gates.ts";
import type {
  CompiledLimitClass,
  CompiledLimits,
  Route,
  RouteRule,
  RoutingIndex,
} from "./routing_index.ts";
import type {
  ExceptionRule,
  MatterType,
  RulesetDocument,
  TimeCounting,
  TimeLimitClass,
  TimeLimits,
  Unit,
} from "./ruleset.ts";
import { type CompiledLifecycle, compileLifecycle } from "./lifecycle_settings.ts";
import { type WorkingCalendar, workingCalendar } from "./working_calendar.ts";

/** A ruleset ready for `decide()`. Treat it, and its document, as immutable. */
export interface CompiledRuleset {
  readonly version: number;
  readonly hash: string;
  readonly document: RulesetDocument;
  readonly units: ReadonlyMap<string, Unit>;
  readonly matterTypes: ReadonlyMap<string, MatterType>;
  /** Office hours and holidays for limits counted in working time. */
  readonly calendar: WorkingCalendar;
  /** Lifecycle settings with their defaults filled in. */
  readonly lifecycle: CompiledLifecycle;
  /** Internal to src/routing. */
  readonly routing: RoutingIndex;
}

/** Limits used when a class is missing or a duration does not parse (the field's 2 h / 2 d). */
const BUILT_IN_LIMITS: TimeLimits = { accept: "PT2H", resolve: "P2D" };

/** `Rule#evaluate`: public in json-rules-engine's code since v2, absent from its types. */
interface EvaluableRule {
  evaluate(almanac: Almanac): Promise<{ result: unknown }>;
}

/** `Engine#operators` (an OperatorMap), also absent from the types. */
interface EngineWithOperators {
  operators?: {
    get(name: string): { evaluate(factValue: unknown, value: unknown): boolean } | null;
  };
}

/** A rule with what every route shares. */
interface PreparedRule {
  readonly rule: ExceptionRule;
  readonly order: number;
  readonly priority: number;
  readonly label: Bilingual;
  readonly gates: readonly Gate[];
  readonly exact: boolean;
}

/** The priority json-rules-engine gives a rule (`Rule#setPriority`: default 1, integer part). */
function rulePriority(rule: ExceptionRule): number {
  return Number.parseInt(String(rule.priority || 1), 10);
}

function newEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  addCustomOperators(engine);
  return engine;
}

function operatorLookup(engine: Engine): OperatorLookup {
  const operators = (engine as unknown as EngineWithOperators).operators;
  if (typeof operators?.get !== "function") return () => null; // no gates: slower, still right
  return (name) => {
    const operator = operators.get(name);
    return operator ? (factValue, value) => operator.evaluate(factValue, value) : null;
  };
}

/** Splits a "中文说明。 English text." description into its two languages, when it is one. */
function splitDescription(text: string): Bilingual {
  const m = /^([\s\S]*[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])\s+([A-Za-z][^\u3400-\u9fff]*)$/
    .exec(text.trim());
  const [zh, en] = m ? [m[1], m[2]] : [text, text];
  return { zh: zh.trim().replace(/[。.]$/, ""), en: en.trim().replace(/\.$/, "") };
}

function ruleLabel(rule: ExceptionRule): Bilingual {
  if (!rule.description) {
    return { zh: `例外规则“${rule.name}”`, en: `Exception rule "${rule.name}"` };
  }
  const description = splitDescription(rule.description);
  return {
    zh: `例外规则“${rule.name}”（${description.zh}）`,
    en: `Exception rule "${rule.name}" (${description.en})`,
  };
}

function countingOf(limits: TimeLimits, which: "accept" | "resolve"): TimeCounting {
  const counting = limits.counting;
  if (counting === "working" || counting === "calendar") return counting;
  return counting?.[which] === "working" ? "working" : "calendar";
}

function compileLimits(limits: TimeLimits): CompiledLimits {
  const acceptText = parseDuration(limits.accept) ? limits.accept : BUILT_IN_LIMITS.accept;
  const resolveText = parseDuration(limits.resolve) ? limits.resolve : BUILT_IN_LIMITS.resolve;
  const contributeText = limits.contribute && parseDuration(limits.contribute)
    ? limits.contribute
    : resolveText;
  const accept = parseDuration(acceptText)!;
  const resolve = parseDuration(resolveText)!;
  const acceptCounting = countingOf(limits, "accept");
  const resolveCounting = countingOf(limits, "resolve");
  const a = describeDuration(accept);
  const r = describeDuration(resolve);
  const workZh = (counting: TimeCounting) => counting === "working" ? "（工作时间）" : "";
  const workEn = (counting: TimeCounting) => counting === "working" ? " of working time" : "";
  return {
    accept,
    resolve,
    contribute: parseDuration(contributeText)!,
    texts: { accept: acceptText, resolve: resolveText, contribute: contributeText },
    acceptCounting,
    resolveCounting,
    words: {
      zh: `${a.zh}${workZh(acceptCounting)}内签收、${r.zh}${workZh(resolveCounting)}内办结`,
      en: `accept within ${a.en}${workEn(acceptCounting)}, resolve within ${r.en}${
        workEn(resolveCounting)
      }`,
    },
  };
}

function compileLimitClass(name: string, limitClass: TimeLimitClass): CompiledLimitClass {
  return {
    name,
    label: { zh: limitClass.name_zh, en: limitClass.name_en },
    normal: compileLimits(limitClass.normal ?? BUILT_IN_LIMITS),
    urgent: limitClass.urgent ? compileLimits(limitClass.urgent) : null,
  };
}

/**
 * The gates of `rule` still open once `known` facts are fixed, or `null` when a known fact
 * already fails one (the rule can never match on this route).
 */
function openGates(rule: PreparedRule, known: ReadonlyMap<number, unknown>): Gate[] | null {
  const open: Gate[] = [];
  for (const gate of rule.gates) {
    if (gate.slots.every((slot) => slot === -1 || known.has(slot))) {
      const values: unknown[] = [];
      for (const [slot, value] of known) values[slot] = value;
      let passes: boolean;
      try {
        passes = gate.test(values);
      } catch {
        open.push(gate); // the operator throws: leave it to decide time (and the engine)
        continue;
      }
      if (!passes) return null;
    } else {
      open.push(gate);
    }
  }
  return open;
}

function buildRoute(rules: readonly PreparedRule[], known: ReadonlyMap<number, unknown>): Route {
  const kept: { prepared: PreparedRule; gates: Gate[] }[] = [];
  for (const prepared of rules) {
    const gates = openGates(prepared, known);
    if (gates) kept.push({ prepared, gates });
  }
  if (kept.length === 0) return { engine: null, rules: [] };
  kept.sort((a, b) =>
    b.prepared.priority - a.prepared.priority || a.prepared.order - b.prepared.order
  );
  const engine = newEngine();
  const routeRules = kept.map(({ prepared, gates }, rank): RouteRule => {
    const { rule } = prepared;
    const engineRule = new Rule({
      name: rule.name,
      priority: rule.priority,
      conditions: rule.conditions,
      event: rule.event,
    });
    engine.addRule(engineRule);
    const evaluable = engineRule as unknown as EvaluableRule;
    if (typeof evaluable.evaluate !== "function") {
      throw new Error("json-rules-engine's Rule no longer has evaluate(); update src/routing");
    }
    return {
      name: rule.name,
      priority: prepared.priority,
      order: prepared.order,
      event: rule.event,
      label: prepared.label,
      gates,
      exact: prepared.exact,
      rank,
      evaluate: async (almanac) => (await evaluable.evaluate(almanac)).result === true,
    };
  });
  return { engine, rules: routeRules };
}

/**
 * Compiles a validated ruleset document for `decide()`: one json-rules-engine engine per matter
 * type, holding only the rules that can match that type. A rule whose top-level `all` requires
 * `type equal X` (or `type in [X, …]`) goes to those types only; other rules go to every type
 * (and to the engine for unknown types), except where the type or its category already rules
 * them out. A type that no rule can match gets no engine at all.
 *
 * Each rule also gets its gates (`rule_gates.ts`): comparisons every match needs, evaluated with
 * the engine's own operators. `decide()` skips a rule whose gates fail, takes an *exact* rule
 * (one whose whole condition tree is gates) as matched when they pass, and asks json-rules-engine
 * about the rest. Types whose rules come out the same share one engine.
 *
 * @example
 * ```ts
 * import { type CompiledRuleset, compileRuleset } from "./compile_ruleset.ts";
 * const compiled: CompiledRuleset = compileRuleset({
 *   name: "demo",
 *   fallback_unit: "CENTER",
 *   time_limit_classes: {
 *     standard: { name_zh: "标准", name_en: "Standard", normal: { accept: "PT2H", resolve: "P2D" } },
 *   },
 *   units: [{ code: "CENTER", name_zh: "综治中心", name_en: "Center", tier: "district", parent: null }],
 *   matter_types: [{
 *     code: "MT-1",
 *     category: "dispute",
 *     name_zh: "邻里纠纷",
 *     name_en: "Neighbour dispute",
 *     owner: "CENTER",
 *     time_limit_class: "standard",
 *   }],
 *   exception_rules: [],
 * }, { version: 1, hash: "demo" });
 * if (!compiled.matterTypes.has("MT-1")) throw new Error("expected MT-1");
 * ```
 */
export function compileRuleset(
  document: RulesetDocument,
  meta: { version: number; hash: string },
): CompiledRuleset {
  const units = new Map(document.units.map((unit) => [unit.code, unit]));
  const matterTypes = new Map(document.matter_types.map((type) => [type.code, type]));

  const lookup = operatorLookup(newEngine());
  const byType = new Map<string, PreparedRule[]>();
  const everyType: PreparedRule[] = [];
  document.exception_rules.forEach((rule, order) => {
    const shape = ruleGates(rule.conditions, lookup);
    const prepared: PreparedRule = {
      rule,
      order,
      priority: rulePriority(rule),
      label: ruleLabel(rule),
      gates: shape.gates,
      exact: shape.exact,
    };
    if (!shape.types) {
      everyType.push(prepared);
      return;
    }
    for (const code of shape.types) {
      const list = byType.get(code);
      if (list) list.push(prepared);
      else byType.set(code, [prepared]);
    }
  });

  // Types whose rules come out the same share one route (and one engine).
  const routes = new Map<string, Route>();
  const shared = new Map<string, Route>();
  for (const code of new Set([...matterTypes.keys(), ...byType.keys()])) {
    const known = new Map<number, unknown>([
      [TYPE_SLOT, code],
      [CATEGORY_SLOT, matterTypes.get(code)?.category],
    ]);
    const candidates = [...(byType.get(code) ?? []), ...everyType];
    const kept = candidates.filter((rule) => openGates(rule, known) !== null);
    const key = kept.map((rule) => rule.order).sort((a, b) => a - b).join(",");
    let route = shared.get(key);
    if (!route) {
      route = buildRoute(kept, known);
      shared.set(key, route);
    }
    routes.set(code, route);
  }
  const otherTypes = buildRoute(everyType, new Map([[CATEGORY_SLOT, undefined]]));

  const limitClasses = new Map(
    Object.entries(document.time_limit_classes).map((
      [name, limitClass],
    ) => [name, compileLimitClass(name, limitClass)]),
  );
  const defaultLimitClass = limitClasses.get("standard") ?? limitClasses.values().next().value ??
    compileLimitClass("standard", {
      name_zh: "默认时限",
      name_en: "default limits",
      normal: BUILT_IN_LIMITS,
    });

  return {
    version: meta.version,
    hash: meta.hash,
    document,
    units,
    matterTypes,
    calendar: workingCalendar(document.calendar),
    lifecycle: compileLifecycle(document.lifecycle),
    routing: { routes, otherTypes, limitClasses, defaultLimitClass },
  };
}
