import type { Queryable } from "../db/database.ts";

/**
 * The years without a holiday calendar that deadlines still ahead cross, with how many live
 * assignments (lead or assisting units on open cases) each concerns; empty when every
 * working-time deadline is covered. Read by `/readyz` and logged by the sweeper.
 */
export async function calendarGaps(db: Queryable): Promise<Map<number, number>> {
  const rows = await db.selectFrom("case_assignments")
    .select(["uncovered_years"])
    .where("uncovered_years", "is not", null)
    .where("state", "<>", "ended")
    .limit(100_000)
    .execute();
  const gaps = new Map<number, number>();
  for (const row of rows) {
    for (const year of (row.uncovered_years ?? "").split(",").filter(Boolean).map(Number)) {
      gaps.set(year, (gaps.get(year) ?? 0) + 1);
    }
  }
  return gaps;
}

/** A calendar gap report in words, e.g. `2027: 3 open assignments`. */
export function describeGaps(gaps: ReadonlyMap<number, number>): string {
  return [...gaps].sort(([a], [b]) => a - b)
    .map(([year, n]) =>
      `working-time deadlines of ${n} open assignment${
        n === 1 ? "" : "s"
      } fall in ${year}, which no holiday calendar covers (weekends assumed): add ${year} to the ruleset's calendar and publish`
    ).join("; ");
}
