import type { DecisionEntry } from "./decision_entry.ts";

/**
 * The fields of a decision that its chained hash covers, besides `seq`, as JSON values (the
 * time as ISO 8601 text): what `hashDecision()` canonicalizes and `decision_log_append()` stores.
 */
export function hashedFields(entry: DecisionEntry) {
  return {
    case_id: entry.case_id,
    kind: entry.kind,
    ruleset_version: entry.ruleset_version,
    ruleset_hash: entry.ruleset_hash,
    matched_rules: entry.matched_rules,
    facts: entry.facts,
    outcome: entry.outcome,
    reason: entry.reason,
    actor: entry.actor,
    request_id: entry.request_id,
    created_at: entry.created_at.toISOString(),
  };
}
