import type { Queryable } from "../db/database.ts";
import { deriveKpis, type Kpis } from "./derive_kpis.ts";
import { foldKpiDeltas } from "./fold_kpi_deltas.ts";
import type { KpiFilter, KpiGroup } from "./kpi_filter.ts";
import { type OverdueGroup, overdueNow } from "./overdue_now.ts";
import { queryRollup } from "./query_rollup.ts";

/**
 * The KPIs for a period and filters, grouped by each of `groups` (one entry per key that had
 * any activity, or overdue cases), after folding pending rollup changes: two statements
 * whatever the number of groupings (the rollup, the overdue cases; grouping sets). "Overdue now"
 * is counted for unit, matter-type and total groupings (it has no day).
 *
 * @example
 * ```ts ignore
 * const by = await kpisGrouped(db, { from: "2026-11-01", to: "2026-11-30" }, ["total", "unit"],
 *   new Date());
 * by.get("unit")!.get("YG-MZJ")?.resolvedOnTimeRate;
 * ```
 */
export async function kpisGrouped(
  db: Queryable,
  filter: KpiFilter,
  groups: readonly KpiGroup[],
  now: Date,
): Promise<Map<KpiGroup, Map<string, Kpis>>> {
  await foldKpiDeltas(db);
  const overdueGroups = groups.filter((g): g is OverdueGroup =>
    g === "unit" || g === "matter_type" || g === "total"
  );
  const [rollup, overdue] = await Promise.all([
    queryRollup(db, filter, groups),
    overdueGroups.length > 0
      ? overdueNow(db, now, filter, overdueGroups)
      : Promise.resolve(new Map<OverdueGroup, Map<string, number>>()),
  ]);
  const out = new Map<KpiGroup, Map<string, Kpis>>();
  for (const group of groups) {
    const r = rollup.get(group)!;
    const o = overdue.get(group as OverdueGroup) ?? new Map<string, number>();
    const keys = new Set([...r.lead.keys(), ...r.assist.keys(), ...o.keys()]);
    const byKey = new Map<string, Kpis>();
    for (const key of [...keys].sort()) {
      byKey.set(
        key,
        deriveKpis({
          lead: r.lead.get(key),
          assist: r.assist.get(key),
          accept: r.accept.get(key),
          resolve: r.resolve.get(key),
          submit: r.submit.get(key),
          overdueNow: o.get(key) ?? 0,
        }),
      );
    }
    out.set(group, byKey);
  }
  return out;
}
