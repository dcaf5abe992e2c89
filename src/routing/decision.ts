/**
 * What `decide()` returns: the owner, why, and by when.
 *
 * @module
 */

import type { TimeCounting } from "./ruleset.ts";

/** A text in both languages the product speaks. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** An exception rule that matched the case. */
export interface MatchedRule {
  name: string;
  priority: number;
  event: { type: string; params?: Record<string, unknown> };
}

/** The limits deadlines were counted from, as the ruleset gave them. */
export interface AppliedLimits {
  /** ISO 8601 duration, e.g. `PT2H`. */
  accept: string;
  /** ISO 8601 duration; for an assisting unit, its contribution limit. */
  resolve: string;
  accept_counting: TimeCounting;
  resolve_counting: TimeCounting;
}

/**
 * Deadlines as ISO 8601 instants (UTC). For an assisting unit `resolve_by` is the deadline of
 * its contribution. `decide()` fills in every field; the optional ones may be absent in
 * decisions logged before they existed.
 */
export interface Deadlines {
  accept_by: string;
  resolve_by: string;
  /** When the unit is warned that acceptance is due (`lifecycle.warn_at` of the limit). */
  accept_warn_at?: string;
  /** When the unit is warned that resolution (or its contribution) is due. */
  resolve_warn_at?: string;
  limits?: AppliedLimits;
  /**
   * Years a working-time deadline crossed for which no holiday calendar is known (neither the
   * `chinese-days` package nor the ruleset's `calendar`): weekends were assumed. Empty normally.
   */
  uncovered_years?: number[];
}

/** An assisting unit (协办单位) of a case, with its own deadlines. */
export interface AssistingUnit {
  unit: string;
  deadlines: Deadlines;
}

/** The outcome of routing one case. */
export interface Decision {
  /** Code of the unit that owns the case. */
  owner: string;
  /** The admission-list owner before exception rules; `null` for an unknown matter type. */
  list_owner: string | null;
  matched_rules: MatchedRule[];
  /** True when no rule claimed the case and it went to the fallback unit (人工派单). */
  fallback: boolean;
  priority: "normal" | "urgent";
  reason: Bilingual;
  deadlines: Deadlines;
  /**
   * Units that assist the owner (协办): from the matter type and matching rules. Always set by
   * `decide()`; absent in decisions logged before joint handling existed.
   */
  assisting?: AssistingUnit[];
  /** The ruleset version and content hash the decision used. */
  ruleset: { version: number; hash: string };
}

/** Options of one decision. */
export interface DecideOptions {
  /** Units that may not receive the case (e.g. units that returned it, 退单). */
  exclude?: readonly string[];
}
