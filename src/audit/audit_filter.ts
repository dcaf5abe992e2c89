import { type SelectQueryBuilder, sql } from "kysely";
import type { Database } from "../db/database.ts";

/**
 * What an auditor searches the decision log by. Every field is optional; given fields must all
 * hold (AND). Each one is served by an index (see migration `2026-11-23T06-00_decision_log_audit`).
 */
export interface AuditFilter {
  /** Entries about this case. */
  case_id?: string;
  /**
   * Entries that mention this unit: as `outcome.owner` or `outcome.list_owner`, as an assisting
   * unit (`outcome.assisting`), and in entries other than routes also as the unit that returned,
   * was escalated from or to (`from_owner`, `returned_unit`, `from_unit`, `to_unit`,
   * `facts.unit`), an excluded or removed unit (`exclude`, `removed_units`,
   * `assisting_units`), or the owner a matched `assign` rule names. The case's location (area,
   * grid) is not a mention.
   */
  unit?: string;
  /** Entries where a rule of this name matched. */
  rule?: string;
  /** Entries decided with this ruleset version (for `publish`: the version published). */
  ruleset_version?: number;
  kind?: string;
  /** `token:<name>`, `user:<name>`, `system:<job>`. */
  actor?: string;
  /** The `X-Request-Id` of the request that caused the entry. */
  request_id?: string;
  /** Decided at or after this instant. */
  from?: Date;
  /** Decided before this instant. */
  to?: Date;
  /** Only entries with a `seq` up to this one (exports fix the head when they start). */
  up_to_seq?: number;
}

/**
 * Adds the filter's conditions to a query over `decision_log`. The `unit` and `rule` conditions
 * call the same immutable functions as the GIN indexes, so PostgreSQL can use them.
 *
 * @example
 * ```ts ignore
 * const rows = await whereAuditFilter(db.selectFrom("decision_log").selectAll(), { kind: "publish" })
 *   .orderBy("seq").limit(10).execute();
 * ```
 */
export function whereAuditFilter<O>(
  query: SelectQueryBuilder<Database, "decision_log", O>,
  filter: AuditFilter,
): SelectQueryBuilder<Database, "decision_log", O> {
  let q = query;
  if (filter.case_id !== undefined) q = q.where("case_id", "=", filter.case_id);
  if (filter.kind !== undefined) q = q.where("kind", "=", filter.kind);
  if (filter.actor !== undefined) q = q.where("actor", "=", filter.actor);
  if (filter.request_id !== undefined) q = q.where("request_id", "=", filter.request_id);
  if (filter.ruleset_version !== undefined) {
    q = q.where("ruleset_version", "=", filter.ruleset_version);
  }
  if (filter.from !== undefined) q = q.where("created_at", ">=", filter.from);
  if (filter.to !== undefined) q = q.where("created_at", "<", filter.to);
  if (filter.up_to_seq !== undefined) q = q.where("seq", "<=", filter.up_to_seq);
  if (filter.unit !== undefined) {
    // Each arm matches one index of the audit migration (two btrees and a partial GIN).
    const unit = filter.unit;
    q = q.where(sql<boolean>`(outcome->>'owner' = ${unit} or outcome->>'list_owner' = ${unit}
      or ((kind <> 'route' or outcome->'assisting' <> '[]'::jsonb)
        and decision_log_units(facts, outcome, matched_rules) @> array[${unit}]::text[]))`);
  }
  if (filter.rule !== undefined) {
    q = q.where(sql<boolean>`matched_rules <> '[]'::jsonb
      and decision_log_rule_names(matched_rules) @> array[${filter.rule}]::text[]`);
  }
  return q;
}
