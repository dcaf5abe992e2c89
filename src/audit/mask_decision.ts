import type { LoggedDecision } from "./decision_entry.ts";
import { maskPersonalData } from "./mask_personal_data.ts";

/**
 * The entry as a reader without the right to personal data sees it: `facts` and `outcome`
 * through {@link maskPersonalData}; everything else (rules, version, reason, actor, hashes) as
 * logged. A masked entry no longer matches its `hash`: verification runs on the stored rows.
 */
export function maskDecision(entry: LoggedDecision): LoggedDecision {
  return {
    ...entry,
    facts: maskPersonalData(entry.facts),
    outcome: maskPersonalData(entry.outcome),
  };
}
