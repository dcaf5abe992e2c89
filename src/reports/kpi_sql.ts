import { type RawBuilder, sql } from "kysely";
import type { KpiFilter, KpiGroup } from "./kpi_filter.ts";

/** The SQL of a group key over a rollup table (`day`, `unit`, `matter_type`, `channel`). */
export function groupKey(group: KpiGroup): RawBuilder<string> {
  switch (group) {
    case "unit":
      return sql<string>`unit`;
    case "matter_type":
      return sql<string>`matter_type`;
    case "channel":
      return sql<string>`channel`;
    case "day":
      return sql<string>`to_char(day, 'YYYY-MM-DD')`;
    case "month":
      return sql<string>`to_char(day, 'YYYY-MM')`;
    case "total":
      return sql<string>`''`;
  }
}

/**
 * The daily rollup a query reads: `kpi_daily_any_channel` (summed over channels, a quarter of
 * the rows), or `kpi_daily` when the filter names channels or the rows are grouped by channel.
 */
export function rollupTable(filter: KpiFilter, groups: readonly KpiGroup[]): RawBuilder<unknown> {
  const byChannel = filter.channels?.length || groups.includes("channel");
  return sql.table(byChannel ? "kpi_daily" : "kpi_daily_any_channel");
}

/** The `where` of a rollup query: the period and the filters. */
export function rollupWhere(filter: KpiFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    sql`day >= cast(${filter.from} as date)`,
    sql`day <= cast(${filter.to} as date)`,
  ];
  const list = (column: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) {
      parts.push(
        sql`${sql.ref(column)} = any(cast(${`{${values.map(quote).join(",")}}`} as text[]))`,
      );
    }
  };
  list("unit", filter.units);
  list("matter_type", filter.types);
  list("channel", filter.channels);
  return sql.join(parts, sql` and `);
}

/** An element of a PostgreSQL array literal. */
function quote(value: string): string {
  return `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** `text[]` parameter (one parameter whatever the driver). */
export function textArray(values: readonly string[]): RawBuilder<string[]> {
  return sql<string[]>`cast(${`{${values.map(quote).join(",")}}`} as text[])`;
}
