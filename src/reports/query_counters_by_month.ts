import { sql } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { KpiFilter } from "./kpi_filter.ts";
import { rollupTable, rollupWhere } from "./kpi_sql.ts";

/** Cases received per month (`YYYY-MM`) and matter type, from the daily rollup. */
export async function queryCountersByMonthAndType(
  db: Queryable,
  filter: KpiFilter,
): Promise<{ month: string; type: string; received: number }[]> {
  const { rows } = await sql<{ month: string; type: string; received: number }>`
    select to_char(day, 'YYYY-MM') as month, matter_type as type, sum(received)::int as received
    from ${rollupTable(filter, [])} where ${rollupWhere(filter)} and role = 'lead'
    group by 1, 2`.execute(db);
  return rows.map((r) => ({ ...r, received: Number(r.received) }));
}
