import { sql } from "kysely";
import type { Queryable } from "../db/database.ts";

/**
 * Moves the changes the rollup triggers recorded (`kpi_delta`) into the rollups (`kpi_daily`,
 * counters and histograms, and `kpi_rule_daily`), one folder at a time (an advisory lock), and returns how many
 * delta rows it moved. Its cost is the number of changes since the last fold, never the number
 * of cases. Reports fold before they read, so they see every committed change.
 *
 * @example
 * ```ts ignore
 * const moved = await foldKpiDeltas(db);
 * ```
 */
export async function foldKpiDeltas(db: Queryable): Promise<number> {
  const { rows } = await sql<{ moved: string | number }>`select kpi_fold() as moved`.execute(db);
  return Number(rows[0]?.moved ?? 0);
}
