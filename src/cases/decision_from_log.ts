import type { LoggedDecision } from "../audit/decision_entry.ts";
import type { Decision, MatchedRule } from "../routing/decision.ts";

/** Rebuilds the routing {@link Decision} from its decision-log entry. */
export function decisionFromLog(entry: LoggedDecision): Decision {
  const outcome = entry.outcome as Omit<Decision, "matched_rules" | "reason" | "ruleset">;
  return {
    owner: outcome.owner,
    list_owner: outcome.list_owner,
    fallback: outcome.fallback,
    priority: outcome.priority,
    deadlines: outcome.deadlines,
    ...(outcome.assisting ? { assisting: outcome.assisting } : {}),
    matched_rules: entry.matched_rules as MatchedRule[],
    reason: entry.reason,
    ruleset: { version: entry.ruleset_version ?? 0, hash: entry.ruleset_hash ?? "" },
  };
}
