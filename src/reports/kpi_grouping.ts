import { type RawBuilder, sql } from "kysely";
import type { KpiGroup } from "./kpi_filter.ts";

/** Several groupings of one query (`group by grouping sets`), and how to read its rows back. */
export interface KpiGrouping {
  /** The select list: one key column per grouping (`g0`, `g1`…) and `grouping_id`. */
  select: RawBuilder<unknown>;
  /** `grouping sets ((key0, ...extra), (key1, ...extra), ...)`. */
  groupBy: RawBuilder<unknown>;
  /** The grouping and the key of a result row. */
  read(row: Record<string, unknown>): { group: KpiGroup; key: string };
}

/**
 * Groups one query's rows by several groupings at once (grouping sets), so that a page reads a
 * rollup once instead of once per grouping. `keyOf` gives a grouping's SQL key (see `groupKey`;
 * `total` has none: its key is `''`), `extra` the columns every grouping also groups by (e.g.
 * `role`). The groupings must be distinct.
 *
 * @example
 * ```ts
 * import { sql } from "kysely";
 * import { kpiGrouping } from "./kpi_grouping.ts";
 * const g = kpiGrouping(["unit", "total"], (group) => sql.raw(group), [sql`role`]);
 * // select ${g.select}, role, sum(n) from kpi_daily group by ${g.groupBy}
 * g.read({ g0: null, grouping_id: 1 }); // { group: "total", key: "" }
 * ```
 */
export function kpiGrouping(
  groups: readonly KpiGroup[],
  keyOf: (group: Exclude<KpiGroup, "total">) => RawBuilder<string>,
  extra: readonly RawBuilder<unknown>[] = [],
): KpiGrouping {
  if (new Set(groups).size !== groups.length) throw new Error("kpiGrouping: a grouping twice");
  const keyed = groups.filter((g): g is Exclude<KpiGroup, "total"> => g !== "total");
  const keys = keyed.map(keyOf);
  const columns = keys.map((k, i) => sql`${k} as ${sql.ref(`g${i}`)}`);
  // grouping(k0, k1, …): bit (n-1-i) is 1 when key i is not a grouping column of the row's set.
  const id = keys.length > 0 ? sql`grouping(${sql.join(keys)})` : sql`0`;
  const sets = groups.map((g) => {
    const i = keyed.indexOf(g as Exclude<KpiGroup, "total">);
    const columns = [...(i >= 0 ? [keys[i]] : []), ...extra];
    return columns.length > 0 ? sql`(${sql.join(columns)})` : sql`()`;
  });
  return {
    select: sql.join([...columns, sql`${id} as grouping_id`]),
    groupBy: sql`grouping sets (${sql.join(sets)})`,
    read(row) {
      const bits = Number(row.grouping_id);
      const i = keyed.findIndex((_, j) => (bits & (1 << (keyed.length - 1 - j))) === 0);
      return i < 0 ? { group: "total", key: "" } : { group: keyed[i], key: String(row[`g${i}`]) };
    },
  };
}
