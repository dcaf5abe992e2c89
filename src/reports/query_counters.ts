import { sql } from "kysely";
import type { Queryable } from "../db/database.ts";
import { COUNTER_NAMES, type Counters, emptyCounters } from "./kpi_counters.ts";
import type { KpiFilter, KpiGroup } from "./kpi_filter.ts";
import { groupKey, rollupWhere } from "./kpi_sql.ts";

/** Counters by group key, for the lead (主办) and assisting (协办) roles apart. */
export interface CounterRows {
  lead: Map<string, Counters>;
  assist: Map<string, Counters>;
}

/**
 * Sums the daily rollup over the period and filters, grouped by `group`. Reads `kpi_daily`
 * only (one row per day, unit, matter type, channel and role): its cost follows the number of
 * rollup rows in the period, not the number of cases.
 *
 * @example
 * ```ts ignore
 * const { lead } = await queryCounters(db, { from: "2026-11-01", to: "2026-11-30" }, "unit");
 * lead.get("YG-MZJ")?.resolved;
 * ```
 */
export async function queryCounters(
  db: Queryable,
  filter: KpiFilter,
  group: KpiGroup,
): Promise<CounterRows> {
  const sums = sql.join(COUNTER_NAMES.map((c) => sql`sum(${sql.ref(c)})::int as ${sql.ref(c)}`));
  const { rows } = await sql<Record<string, unknown>>`
    select ${groupKey(group)} as key, role, ${sums}
    from kpi_daily where ${rollupWhere(filter)}
    group by 1, 2`.execute(db);
  const out: CounterRows = { lead: new Map(), assist: new Map() };
  for (const row of rows) {
    const counters = emptyCounters();
    for (const c of COUNTER_NAMES) counters[c] = Number(row[c] ?? 0);
    (row.role === "assist" ? out.assist : out.lead).set(String(row.key), counters);
  }
  return out;
}
