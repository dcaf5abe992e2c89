import { sql } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Histogram } from "./histogram.ts";
import type { KpiFilter, KpiGroup } from "./kpi_filter.ts";
import { groupKey, rollupWhere } from "./kpi_sql.ts";

/** Histograms by group key: `accept` and `resolve` (lead), `submit` (assisting units). */
export interface HistogramRows {
  accept: Map<string, Histogram>;
  resolve: Map<string, Histogram>;
  assistAccept: Map<string, Histogram>;
  submit: Map<string, Histogram>;
}

/** Sums the time histograms (`kpi_hist`) over the period and filters, grouped by `group`. */
export async function queryHistograms(
  db: Queryable,
  filter: KpiFilter,
  group: KpiGroup,
): Promise<HistogramRows> {
  const { rows } = await sql<
    { key: string; role: string; metric: string; bucket: number; n: number }
  >`
    select ${groupKey(group)} as key, role, metric, bucket, sum(n)::int as n
    from kpi_hist where ${rollupWhere(filter)}
    group by 1, 2, 3, 4`.execute(db);
  const out: HistogramRows = {
    accept: new Map(),
    resolve: new Map(),
    assistAccept: new Map(),
    submit: new Map(),
  };
  for (const row of rows) {
    const target = row.role === "assist"
      ? (row.metric === "accept" ? out.assistAccept : out.submit)
      : (row.metric === "accept" ? out.accept : out.resolve);
    const h = target.get(row.key) ?? new Map<number, number>();
    h.set(Number(row.bucket), (h.get(Number(row.bucket)) ?? 0) + Number(row.n));
    target.set(row.key, h);
  }
  return out;
}
