import type { Queryable } from "../db/database.ts";
import type { Kpis } from "./derive_kpis.ts";
import type { KpiFilter, KpiGroup } from "./kpi_filter.ts";
import { kpisGrouped } from "./kpis_grouped.ts";

/**
 * The KPIs for a period and filters, grouped by `group` (one entry per key that had any
 * activity, or overdue cases), after folding pending rollup changes. "Overdue now" is counted
 * for unit, matter-type and total groupings (it has no day). Pages that need several groupings
 * read them together with `kpisGrouped`.
 *
 * @example
 * ```ts ignore
 * const byUnit = await kpisBy(db, { from: "2026-11-01", to: "2026-11-30" }, "unit", new Date());
 * byUnit.get("YG-MZJ")?.resolvedOnTimeRate;
 * ```
 */
export async function kpisBy(
  db: Queryable,
  filter: KpiFilter,
  group: KpiGroup,
  now: Date,
): Promise<Map<string, Kpis>> {
  return (await kpisGrouped(db, filter, [group], now)).get(group)!;
}
