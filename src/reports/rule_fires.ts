import { sql } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { KpiFilter } from "./kpi_filter.ts";
import { rollupWhere } from "./kpi_sql.ts";

/** How often each rule fired in the period, and the rules of the ruleset that never did. */
export interface RuleFires {
  fired: { rule: string; count: number }[];
  neverFired: string[];
}

/**
 * Counts the decisions (route, reroute…) whose `matched_rules` name each rule, from the rule
 * rollup; `ruleNames` (the active ruleset's exception rules) that did not fire are listed.
 */
export async function ruleFires(
  db: Queryable,
  filter: KpiFilter,
  ruleNames: readonly string[],
): Promise<RuleFires> {
  const { rows } = await sql<{ rule: string; n: number }>`
    select rule, sum(n)::int as n from kpi_rule_daily where ${rollupWhere(filter)}
    group by 1 order by 2 desc, 1`.execute(db);
  const fired = rows.map((r) => ({ rule: r.rule, count: Number(r.n) }));
  const seen = new Set(fired.map((f) => f.rule));
  return { fired, neverFired: ruleNames.filter((n) => !seen.has(n)) };
}
