import type { Queryable } from "../db/database.ts";
import type { RulesetDocument } from "../routing/ruleset.ts";
import { deriveKpis, type Kpis } from "./derive_kpis.ts";
import { foldKpiDeltas } from "./fold_kpi_deltas.ts";
import { addDays, type KpiFilter, monthDays } from "./kpi_filter.ts";
import { kpisGrouped } from "./kpis_grouped.ts";
import { queryCountersByMonthAndType } from "./query_counters_by_month.ts";
import { type RuleFires, ruleFires } from "./rule_fires.ts";

/** A row of a ranked table. */
export interface KpiRow {
  code: string;
  kpis: Kpis;
}

/** What the performance overview (and the daily and monthly reports) show. */
export interface PerformanceOverview {
  filter: KpiFilter;
  total: Kpis;
  units: KpiRow[];
  /** The ten matter types with the most cases received in the period. */
  topTypes: KpiRow[];
  /** Cases received per month and category, the twelve months up to the period's end. */
  categoryTrend: { months: string[]; byCategory: Map<string, number[]> };
  rules: RuleFires;
}

/**
 * The overview for a period and filters: totals, every unit's KPIs, the top-10 matter types,
 * the monthly trend by category and the rules fired. All from the rollups (plus the open-case
 * index for "overdue now").
 *
 * @example
 * ```ts ignore
 * const view = await performanceOverview(db, ruleset.current.document, filter, new Date());
 * ```
 */
export async function performanceOverview(
  db: Queryable,
  document: RulesetDocument,
  filter: KpiFilter,
  now: Date,
): Promise<PerformanceOverview> {
  await foldKpiDeltas(db);
  const trendFrom = monthDays(addDays(filter.to, -334).slice(0, 7)).from;
  const [kpis, monthly, rules] = await Promise.all([
    kpisGrouped(db, filter, ["total", "unit", "matter_type"], now),
    queryCountersByMonthAndType(db, { ...filter, from: trendFrom }),
    ruleFires(db, filter, document.exception_rules.map((r) => r.name)),
  ]);
  const [total, units, types] = [kpis.get("total")!, kpis.get("unit")!, kpis.get("matter_type")!];
  const topTypes = [...types].map(([code, kpis]) => ({ code, kpis }))
    .filter((r) => r.kpis.received > 0)
    .sort((a, b) => b.kpis.received - a.kpis.received || a.code.localeCompare(b.code))
    .slice(0, 10);
  return {
    filter,
    total: total.get("") ?? deriveKpis({}),
    units: [...units].map(([code, kpis]) => ({ code, kpis })),
    topTypes,
    categoryTrend: categoryTrend(document, { ...filter, from: trendFrom }, monthly),
    rules,
  };
}

function categoryTrend(
  document: RulesetDocument,
  filter: KpiFilter,
  rows: { month: string; type: string; received: number }[],
): { months: string[]; byCategory: Map<string, number[]> } {
  const months: string[] = [];
  for (let m = filter.from.slice(0, 7); m <= filter.to.slice(0, 7); m = nextMonth(m)) {
    months.push(m);
  }
  const category = new Map(document.matter_types.map((t) => [t.code, t.category]));
  const byCategory = new Map<string, number[]>();
  for (const c of new Set(document.matter_types.map((t) => t.category))) {
    byCategory.set(c, months.map(() => 0));
  }
  for (const row of rows) {
    const c = category.get(row.type) ?? "other";
    if (!byCategory.has(c)) byCategory.set(c, months.map(() => 0));
    const i = months.indexOf(row.month);
    if (i >= 0) byCategory.get(c)![i] += row.received;
  }
  return { months, byCategory };
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
