import { sql } from "kysely";
import type { Queryable } from "../db/database.ts";
import { BUCKET_EDGES_MINUTES, type Histogram } from "./histogram.ts";
import { COUNTER_NAMES, type Counters, emptyCounters } from "./kpi_counters.ts";
import type { KpiFilter, KpiGroup } from "./kpi_filter.ts";
import { kpiGrouping } from "./kpi_grouping.ts";
import { groupKey, rollupTable, rollupWhere } from "./kpi_sql.ts";

/** One grouping's sums: counters and time histograms, lead (主办) and assisting (协办) apart. */
export interface RollupRows {
  lead: Map<string, Counters>;
  assist: Map<string, Counters>;
  /** Lead: time to accept, time to resolve. */
  accept: Map<string, Histogram>;
  resolve: Map<string, Histogram>;
  /** Assisting units: time to submit their part (no page shows their time to accept). */
  submit: Map<string, Histogram>;
}

/** Histogram buckets 1..35 (34 edges, then "more"). */
const BUCKETS = Array.from({ length: BUCKET_EDGES_MINUTES.length + 1 }, (_, i) => i + 1);

/** The histogram columns of `kpi_daily`: `accept_b1` … `resolve_b35`. */
const HIST_COLUMNS = ["accept", "resolve"].flatMap((metric) =>
  BUCKETS.map((bucket) => ({ metric, bucket, column: `${metric}_b${bucket}` }))
);

/** Every summed column of `kpi_daily`. */
const SUMMED = [...COUNTER_NAMES, ...HIST_COLUMNS.map((h) => h.column)];

/**
 * Sums the daily rollup (see `rollupTable`: counters and histogram columns) over the period and
 * filters, grouped by each of `groups`, in one statement that reads the period's rows once: they
 * are first summed by the grouping keys and role (one pass, one hash key), then the few sums are
 * grouped by each grouping (grouping sets). Its cost follows the number of rollup rows in the
 * period, not the number of cases or of groupings.
 *
 * @example
 * ```ts ignore
 * const sums = await queryRollup(db, { from: "2026-11-01", to: "2026-11-30" }, ["unit"]);
 * sums.get("unit")!.lead.get("YG-MZJ")?.resolved;
 * ```
 */
export async function queryRollup(
  db: Queryable,
  filter: KpiFilter,
  groups: readonly KpiGroup[],
): Promise<Map<KpiGroup, RollupRows>> {
  const keyed = groups.filter((g) => g !== "total");
  const grouping = kpiGrouping(groups, (g) => sql.ref(`k${keyed.indexOf(g)}`), [sql`role`]);
  const keys = keyed.map((g, i) => sql`${groupKey(g)} as ${sql.ref(`k${i}`)}`);
  const inner = sql.join(SUMMED.map((c) => sql`sum(${sql.ref(c)}) as ${sql.ref(c)}`));
  const outer = sql.join(SUMMED.map((c) => sql`sum(${sql.ref(c)})::int as ${sql.ref(c)}`));
  const { rows } = await sql<Record<string, unknown>>`
    select ${grouping.select}, role, ${outer}
    from (
      select ${sql.join([...keys, sql`role`])}, ${inner}
      from ${rollupTable(filter, groups)} where ${rollupWhere(filter)}
      group by ${sql.join([...keyed.map((_, i) => sql.ref(`k${i}`)), sql`role`])}
    ) sums
    group by ${grouping.groupBy}`.execute(db);
  const out = new Map<KpiGroup, RollupRows>(groups.map((g) => [g, {
    lead: new Map(),
    assist: new Map(),
    accept: new Map(),
    resolve: new Map(),
    submit: new Map(),
  }]));
  for (const row of rows) {
    const { group, key } = grouping.read(row);
    const sums = out.get(group)!;
    const assist = row.role === "assist";
    const counters = emptyCounters();
    for (const c of COUNTER_NAMES) counters[c] = Number(row[c] ?? 0);
    (assist ? sums.assist : sums.lead).set(key, counters);
    const accept: Histogram = new Map();
    const resolve: Histogram = new Map();
    for (const { metric, bucket, column } of HIST_COLUMNS) {
      const n = Number(row[column] ?? 0);
      if (n !== 0) (metric === "accept" ? accept : resolve).set(bucket, n);
    }
    if (accept.size > 0 && !assist) sums.accept.set(key, accept);
    if (resolve.size > 0) (assist ? sums.submit : sums.resolve).set(key, resolve);
  }
  return out;
}
