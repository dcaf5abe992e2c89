import type { Queryable } from "../db/database.ts";
import type { RulesetDocument } from "../routing/ruleset.ts";
import { deriveKpis, type Kpis } from "./derive_kpis.ts";
import type { KpiFilter } from "./kpi_filter.ts";
import { kpisGrouped } from "./kpis_grouped.ts";
import { type OverdueCase, overdueCases } from "./overdue_now.ts";
import type { KpiRow } from "./performance_overview.ts";
import { unitScope } from "./unit_scope.ts";

/** What a unit's page shows. */
export interface UnitPerformance {
  code: string;
  /** The unit and the units below it. */
  scope: string[];
  kpis: Kpis;
  /** Day by day over the period. */
  trend: KpiRow[];
  types: KpiRow[];
  overdue: OverdueCase[];
}

/**
 * A unit's performance (with the units below it in the chain) over a period: KPIs, daily
 * trend, its matter types and its overdue cases.
 *
 * @example
 * ```ts ignore
 * const view = await unitPerformance(db, document, "YG-S01", filter, new Date());
 * ```
 */
export async function unitPerformance(
  db: Queryable,
  document: RulesetDocument,
  code: string,
  filter: KpiFilter,
  now: Date,
): Promise<UnitPerformance> {
  const scope = unitScope(document, code);
  const scoped = { ...filter, units: scope };
  const [kpis, overdue] = await Promise.all([
    kpisGrouped(db, scoped, ["total", "day", "matter_type"], now),
    overdueCases(db, now, scope, 50),
  ]);
  const [total, trend, types] = [kpis.get("total")!, kpis.get("day")!, kpis.get("matter_type")!];
  return {
    code,
    scope,
    kpis: total.get("") ?? deriveKpis({}),
    trend: [...trend].map(([k, kpis]) => ({ code: k, kpis })),
    types: [...types].map(([k, kpis]) => ({ code: k, kpis })),
    overdue,
  };
}
