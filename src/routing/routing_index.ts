/**
 * The internal index a compiled ruleset carries for `decide()`: routes (rules by matter type,
 * with their json-rules-engine engines) and compiled time limits. Nothing outside src/routing
 * should depend on it.
 *
 * @module
 */

import type { Almanac, Engine } from "json-rules-engine";
import type { Bilingual } from "./decision.ts";
import type { Duration } from "./duration.ts";
import type { Gate } from "./rule_gates.ts";
import type { RuleEvent, TimeCounting } from "./ruleset.ts";

/** One exception rule as a route runs it. */
export interface RouteRule {
  readonly name: string;
  /** json-rules-engine's priority of the rule (default 1). */
  readonly priority: number;
  /** Position in `exception_rules`: breaks priority ties. */
  readonly order: number;
  readonly event: RuleEvent;
  /** `例外规则“name”（description）` / `Exception rule "name" (description)`. */
  readonly label: Bilingual;
  /** The gates the route has not already settled (see `rule_gates.ts`). */
  readonly gates: readonly Gate[];
  /** Passing the gates is matching the rule: json-rules-engine need not run it. */
  readonly exact: boolean;
  /** Position in the route's `rules`. */
  readonly rank: number;
  /** Evaluates the rule in its route's json-rules-engine engine; true when it matches. */
  readonly evaluate: (almanac: Almanac) => Promise<boolean>;
}

/** The rules that can match a case of one matter type, best first. */
export interface Route {
  /**
   * The json-rules-engine engine holding the rules; `null` when there are none (fast path).
   * `decide()` evaluates its rules one by one. Do not call `engine.run()` concurrently: runs
   * share the engine's status, and a run that finishes cuts the others' remaining priorities.
   */
  readonly engine: Engine | null;
  /** Sorted by priority (highest first), then by document order. */
  readonly rules: readonly RouteRule[];
}

/** Time limits parsed once, with their words. */
export interface CompiledLimits {
  readonly accept: Duration;
  readonly resolve: Duration;
  /** An assisting unit's limit for its part (default: `resolve`). */
  readonly contribute: Duration;
  /** The ISO 8601 texts, as the ruleset gives them (stored with each assignment). */
  readonly texts: {
    readonly accept: string;
    readonly resolve: string;
    readonly contribute: string;
  };
  readonly acceptCounting: TimeCounting;
  readonly resolveCounting: TimeCounting;
  /** e.g. `2小时内签收、2天内办结` / `accept within 2 hours, resolve within 2 days`. */
  readonly words: Bilingual;
}

/** A time-limit class, compiled. */
export interface CompiledLimitClass {
  readonly name: string;
  readonly label: Bilingual;
  readonly normal: CompiledLimits;
  readonly urgent: CompiledLimits | null;
}

/** The internal index `decide()` reads. */
export interface RoutingIndex {
  /** A route for every matter type of the admission list and every type code a rule names. */
  readonly routes: ReadonlyMap<string, Route>;
  /** The route of any other type code (rules that apply to every type). */
  readonly otherTypes: Route;
  readonly limitClasses: ReadonlyMap<string, CompiledLimitClass>;
  /** For unknown matter types: the class named `standard`, else the first class. */
  readonly defaultLimitClass: CompiledLimitClass;
}
