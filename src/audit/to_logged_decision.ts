import type { Selectable } from "kysely";
import type { DecisionLogTable } from "../db/tables/decision_log_table.ts";
import type { Bilingual } from "../routing/decision.ts";
import type { DecisionKind, LoggedDecision } from "./decision_entry.ts";

/** Maps a decision-log row to the domain type. */
export function toLoggedDecision(row: Selectable<DecisionLogTable>): LoggedDecision {
  return {
    seq: Number(row.seq),
    case_id: row.case_id,
    kind: row.kind as DecisionKind,
    ruleset_version: row.ruleset_version,
    ruleset_hash: row.ruleset_hash,
    matched_rules: row.matched_rules as unknown[],
    facts: row.facts as Record<string, unknown>,
    outcome: row.outcome as Record<string, unknown>,
    reason: row.reason as Bilingual,
    actor: row.actor,
    request_id: row.request_id,
    created_at: row.created_at,
    prev_hash: row.prev_hash,
    hash: row.hash,
  };
}
