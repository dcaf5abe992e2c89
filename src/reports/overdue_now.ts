import { sql } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { KpiFilter } from "./kpi_filter.ts";
import { kpiGrouping } from "./kpi_grouping.ts";
import { textArray } from "./kpi_sql.ts";

/** The groupings "overdue now" is counted by (it has no day). */
export type OverdueGroup = "unit" | "matter_type" | "total";

/**
 * Open cases (neither resolved nor closed) past their resolve deadline at `now`, counted by
 * owner, matter type or in total (each of `groups`, in one statement), through the partial index
 * `cases_open_due_idx` (open cases only, by deadline, with owner, type and channel included):
 * the period does not apply, only the filters.
 */
export async function overdueNow(
  db: Queryable,
  now: Date,
  filter: Omit<KpiFilter, "from" | "to">,
  groups: readonly OverdueGroup[],
): Promise<Map<OverdueGroup, Map<string, number>>> {
  const grouping = kpiGrouping(groups, (g) => {
    if (g === "unit") return sql<string>`owner`;
    if (g === "matter_type") return sql<string>`type`;
    throw new Error(`overdueNow: cannot group by ${g}`);
  });
  const where = [sql`state not in ('resolved', 'closed')`, sql`resolve_by < ${now}`];
  if (filter.units?.length) where.push(sql`owner = any(${textArray(filter.units)})`);
  if (filter.types?.length) where.push(sql`type = any(${textArray(filter.types)})`);
  if (filter.channels?.length) where.push(sql`channel = any(${textArray(filter.channels)})`);
  const { rows } = await sql<Record<string, unknown> & { n: number }>`
    select ${grouping.select}, count(*)::int as n from cases
    where ${sql.join(where, sql` and `)} group by ${grouping.groupBy}`.execute(db);
  const out = new Map<OverdueGroup, Map<string, number>>(groups.map((g) => [g, new Map()]));
  for (const row of rows) {
    const { group, key } = grouping.read(row);
    out.get(group as OverdueGroup)!.set(key, Number(row.n));
  }
  return out;
}

/** One overdue case, for a unit's list. */
export interface OverdueCase {
  id: string;
  title: string;
  type: string;
  owner: string;
  state: string;
  resolve_by: Date;
}

/** The open cases of `units` past their resolve deadline, longest overdue first. */
export async function overdueCases(
  db: Queryable,
  now: Date,
  units: readonly string[],
  limit = 50,
): Promise<OverdueCase[]> {
  const { rows } = await sql<OverdueCase>`
    select id, title, type, owner, state, resolve_by from cases
    where state not in ('resolved', 'closed') and resolve_by < ${now}
      and owner = any(${textArray(units)})
    order by resolve_by limit ${limit}`.execute(db);
  return rows.map((r) => ({ ...r, resolve_by: new Date(r.resolve_by) }));
}
