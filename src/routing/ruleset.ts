/**
 * The shape of a ruleset: the task admission list (事项准入清单), the escalation chain of
 * units, time limits, and exception rules in json-rules-engine's own rule format.
 *
 * A {@link RulesetDocument} is plain data (what `rules/` holds and what the database stores as a
 * version). {@link compileRuleset} turns it into a {@link CompiledRuleset} that `decide()` reads.
 *
 * @module
 */

/** The level of a unit in the governance hierarchy. */
export type UnitTier =
  | "city"
  | "district"
  | "street"
  | "community"
  | "grid"
  | "department"
  | "enterprise";

/** Every tier, in a stable order (for schemas and docs). */
export const UNIT_TIERS: readonly UnitTier[] = [
  "city",
  "district",
  "street",
  "community",
  "grid",
  "department",
  "enterprise",
];

/** Anything that can own a case (承办单位). */
export interface Unit {
  /** Stable code, e.g. `YG-MZJ`. */
  code: string;
  name_zh: string;
  name_en: string;
  tier: UnitTier;
  /** The next step of the escalation chain; `null` only at the top. */
  parent: string | null;
}

/** Two limits, as ISO 8601 durations (`PT2H`, `P2D`, `P7D`). */
export interface TimeLimits {
  /** Time allowed until the owner accepts (签收) the case. */
  accept: string;
  /** Time allowed until the owner resolves (办结) the case. */
  resolve: string;
}

/** A named class of time limits (e.g. 2 h / 2 d / 7 d in the field), for normal and urgent cases. */
export interface TimeLimitClass {
  name_zh: string;
  name_en: string;
  normal: TimeLimits;
  /** Limits for urgent cases; the normal ones apply when absent. */
  urgent?: TimeLimits;
}

/** A kind of matter (事项) from the admission list, with the unit that owns it. */
export interface MatterType {
  code: string;
  /** Category, e.g. `dispute`, `public_order`, `public_safety`, `public_service`. */
  category: string;
  name_zh: string;
  name_en: string;
  /** The owning unit's code. */
  owner: string;
  /** Name of a class in {@link RulesetDocument.time_limit_classes}. */
  time_limit_class: string;
}

/** A json-rules-engine condition: a fact comparison, a nested group, or a condition reference. */
export type Condition =
  | {
    fact: string;
    operator: string;
    value: unknown;
    path?: string;
    params?: Record<string, unknown>;
    priority?: number;
    name?: string;
  }
  | { all: Condition[]; name?: string; priority?: number }
  | { any: Condition[]; name?: string; priority?: number }
  | { not: Condition; name?: string; priority?: number }
  | { condition: string; name?: string; priority?: number };

/** The top of a rule's condition tree (json-rules-engine's TopLevelCondition). */
export type TopLevelCondition =
  | { all: Condition[]; name?: string; priority?: number }
  | { any: Condition[]; name?: string; priority?: number }
  | { not: Condition; name?: string; priority?: number }
  | { condition: string; name?: string; priority?: number };

/**
 * What an exception rule does when it matches:
 * - `assign`: the case goes to `params.owner` instead of the admission-list owner.
 * - `raise_level`: the case goes `params.levels` (default 1) steps up the owner's chain (提级响应).
 */
export type RuleEvent =
  | { type: "assign"; params: { owner: string } & Record<string, unknown> }
  | { type: "raise_level"; params?: { levels?: number } & Record<string, unknown> };

/** An exception rule, in json-rules-engine's rule format; `name` is its unique id. */
export interface ExceptionRule {
  name: string;
  /** Higher runs first and wins over lower (json-rules-engine default 1). */
  priority?: number;
  conditions: TopLevelCondition;
  event: RuleEvent;
  /** Why the rule exists, shown in decision reasons. */
  description?: string;
}

/** The whole ruleset, as stored and as written to `rules/`. */
export interface RulesetDocument {
  name: string;
  /** The unit that receives every case no rule claims (人工派单). */
  fallback_unit: string;
  time_limit_classes: Record<string, TimeLimitClass>;
  units: Unit[];
  matter_types: MatterType[];
  exception_rules: ExceptionRule[];
}
