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
  /**
   * Where Whistle POSTs a JSON notice when a case is assigned to this unit, escalated to it or
   * reopened for it (from a transactional outbox: at least once, retried with backoff).
   */
  webhook_url?: string;
}

/** How a limit is counted: wall-clock time, or office hours on working days (工作日). */
export type TimeCounting = "calendar" | "working";

/** Two limits, as ISO 8601 durations (`PT2H`, `P2D`, `P7D`). */
export interface TimeLimits {
  /** Time allowed until the owner accepts (签收) the case. */
  accept: string;
  /** Time allowed until the owner resolves (办结) the case. */
  resolve: string;
  /**
   * Time an assisting unit (协办单位) has for its part; never later than the lead's resolution
   * deadline. Default: the `resolve` limit.
   */
  contribute?: string;
  /**
   * `calendar` (default) or `working`: office hours on working days under the Chinese holiday
   * calendar (调休 included). One value for both limits, or one per limit.
   */
  counting?: TimeCounting | { accept?: TimeCounting; resolve?: TimeCounting };
}

/** How many extensions (延期) a matter type allows, and how long each may be at most. */
export interface ExtensionPolicy {
  /** 0 means no extension is allowed. */
  max_count: number;
  /** ISO 8601 duration, counted like the limit it extends. Absent: no length limit. */
  max_length?: string;
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
  /**
   * Extra questions an Open311 client asks the citizen for this kind of matter (its service
   * definition); absent or empty means none. Never used for routing.
   */
  attributes?: MatterTypeAttribute[];
  /** Units that assist the owner (协办) on every case of this type, each with its own deadlines. */
  assisting_units?: string[];
  /**
   * The unit a late case of this type escalates to first (督办), instead of the owner's parent;
   * later escalations follow that unit's chain.
   */
  supervisor?: string;
  /** Most suspended (挂起) time that stops the clock, ISO 8601; default `lifecycle.max_suspension`. */
  max_suspension?: string;
  /** Extensions (延期) allowed for this type; default `lifecycle.extensions`. */
  extensions?: ExtensionPolicy;
}

/** The datatypes of Open311 GeoReport v2 service-definition attributes. */
export type AttributeDatatype =
  | "string"
  | "number"
  | "datetime"
  | "text"
  | "singlevaluelist"
  | "multivaluelist";

/** Every attribute datatype, in the order of the Open311 specification. */
export const ATTRIBUTE_DATATYPES: readonly AttributeDatatype[] = [
  "string",
  "number",
  "datetime",
  "text",
  "singlevaluelist",
  "multivaluelist",
];

/** One allowed value of a list attribute: `key` is what the client sends, `name` what it shows. */
export interface AttributeValue {
  key: string;
  name: string;
}

/**
 * One attribute of a matter type's Open311 service definition (GeoReport v2 field names). A
 * client sends its answer as `attribute[code]` when it posts a request.
 */
export interface MatterTypeAttribute {
  /** `false`: only information to show, the client sends no value (then `required` is false). */
  variable: boolean;
  /** Unique within the matter type; letters, digits, `-`, `_`, `.`. */
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  /** How to fill it in, e.g. `请填写楼号，如 3号楼`. */
  datatype_description: string;
  /** Position in the client's form (ascending). */
  order: number;
  /** The question, e.g. `独居老人年龄`. */
  description: string;
  /** The choices of a `singlevaluelist` / `multivaluelist` attribute (and only of those). */
  values?: AttributeValue[];
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
 * - `assist`: assisting units (协办) are added (`params.add`) or removed (`params.remove`); an
 *   `assign` event may also name assisting units (`params.assist`).
 */
export type RuleEvent =
  | { type: "assign"; params: { owner: string; assist?: string[] } & Record<string, unknown> }
  | { type: "raise_level"; params?: { levels?: number } & Record<string, unknown> }
  | { type: "assist"; params: { add?: string[]; remove?: string[] } & Record<string, unknown> };

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
  /** Office hours and corrections to the holiday calendar, for limits counted in working time. */
  calendar?: CalendarSettings;
  /** Case lifecycle settings: warnings, returns, suspension, extensions, urgent escalation. */
  lifecycle?: LifecycleSettings;
}

/**
 * The working calendar: office hours, and holidays and make-up workdays (调休) that add to or
 * correct the built-in mainland China calendar (the `chinese-days` package). A year is covered
 * when the package has it or this list names at least one holiday in it; a working-time
 * deadline in a year nobody covers is computed with plain weekends and flagged loudly.
 */
export interface CalendarSettings {
  /** Office periods of a working day, Beijing time, e.g. `["08:30-12:00", "13:30-17:30"]`. */
  office_hours?: string[];
  /** Days off (`YYYY-MM-DD`), e.g. the State Council's holidays for a year the package lacks. */
  holidays?: string[];
  /** Weekend days that are working days (调休上班), `YYYY-MM-DD`. */
  workdays?: string[];
}

/** Lifecycle settings; every field has a default. */
export interface LifecycleSettings {
  /** Fraction of a limit after which the owner is warned (default 0.8). */
  warn_at?: number;
  /** Returns (退单) after which a case goes to the fallback unit for manual dispatch (default 3). */
  max_returns?: number;
  /** Urgent cases start this many levels up the owner's chain (提级响应; default 0). */
  urgent_raise_levels?: number;
  /** Most suspended time that stops the clock, ISO 8601 (default `P30D`). */
  max_suspension?: string;
  /** Extensions allowed when a matter type says nothing (default one, at most `P7D`). */
  extensions?: ExtensionPolicy;
}
