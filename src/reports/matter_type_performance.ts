import type { Queryable } from "../db/database.ts";
import { deriveKpis, type Kpis } from "./derive_kpis.ts";
import type { KpiFilter } from "./kpi_filter.ts";
import { kpisGrouped } from "./kpis_grouped.ts";
import type { KpiRow } from "./performance_overview.ts";

/** What a matter type's page shows. */
export interface MatterTypePerformance {
  code: string;
  kpis: Kpis;
  trend: KpiRow[];
  units: KpiRow[];
}

/**
 * A matter type's performance over a period: KPIs, daily trend and the units that handled it.
 *
 * @example
 * ```ts ignore
 * const view = await matterTypePerformance(db, "MT-MZJ-005", filter, new Date());
 * ```
 */
export async function matterTypePerformance(
  db: Queryable,
  code: string,
  filter: KpiFilter,
  now: Date,
): Promise<MatterTypePerformance> {
  const scoped = { ...filter, types: [code] };
  const kpis = await kpisGrouped(db, scoped, ["total", "day", "unit"], now);
  const [total, trend, units] = [kpis.get("total")!, kpis.get("day")!, kpis.get("unit")!];
  return {
    code,
    kpis: total.get("") ?? deriveKpis({}),
    trend: [...trend].map(([k, kpis]) => ({ code: k, kpis })),
    units: [...units].map(([k, kpis]) => ({ code: k, kpis })),
  };
}
