/**
 * What `decide()` returns: the owner, why, and by when.
 *
 * @module
 */

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

/** Deadlines as ISO 8601 instants (UTC). */
export interface Deadlines {
  accept_by: string;
  resolve_by: string;
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
  /** The ruleset version and content hash the decision used. */
  ruleset: { version: number; hash: string };
}

/** Options of one decision. */
export interface DecideOptions {
  /** Units that may not receive the case (e.g. units that returned it, 退单). */
  exclude?: readonly string[];
}
