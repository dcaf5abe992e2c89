import type { Queryable } from "../db/database.ts";
import { deriveKpis, type Kpis } from "./derive_kpis.ts";
import { foldKpiDeltas } from "./fold_kpi_deltas.ts";
import type { KpiFilter, KpiGroup } from "./kpi_filter.ts";
import { overdueNow } from "./overdue_now.ts";
import { queryCounters } from "./query_counters.ts";
import { queryHistograms } from "./query_histograms.ts";

/**
 * The KPIs for a period and filters, grouped by `group` (one entry per key that had any
 * activity, or overdue cases), after folding pending rollup changes. "Overdue now" is counted
 * for unit, matter-type and total groupings (it has no day).
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
  await foldKpiDeltas(db);
  const overdueGroup = group === "unit" || group === "matter_type" || group === "total"
    ? group
    : null;
  const [counters, hist, overdue] = await Promise.all([
    queryCounters(db, filter, group),
    queryHistograms(db, filter, group),
    overdueGroup ? overdueNow(db, now, filter, overdueGroup) : Promise.resolve(new Map()),
  ]);
  const keys = new Set([...counters.lead.keys(), ...counters.assist.keys(), ...overdue.keys()]);
  const out = new Map<string, Kpis>();
  for (const key of [...keys].sort()) {
    out.set(
      key,
      deriveKpis({
        lead: counters.lead.get(key),
        assist: counters.assist.get(key),
        accept: hist.accept.get(key),
        resolve: hist.resolve.get(key),
        submit: hist.submit.get(key),
        overdueNow: overdue.get(key) ?? 0,
      }),
    );
  }
  return out;
}
