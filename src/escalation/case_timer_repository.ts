/**
 * `case_timers`: the sweeper's due work.
 *
 * @module
 */

import type { Insertable } from "kysely";
import type { Queryable } from "../db/database.ts";
import { insertRecords } from "../db/insert_records.ts";
import type { RecordSet } from "../db/record_set.ts";
import type { CaseTimerTable } from "../db/tables/case_timer_table.ts";

/**
 * Replaces the timers not yet fired of `caseIds` with `timers`. Call it in the transaction that
 * changed the cases, holding their row locks (`select ... for update`), so that no sweeper can
 * be firing one of them meanwhile.
 */
export async function replaceCaseTimers(
  db: Queryable,
  caseIds: readonly string[],
  timers: readonly Insertable<CaseTimerTable>[],
): Promise<void> {
  if (caseIds.length > 0) {
    await db.deleteFrom("case_timers").where("case_id", "in", caseIds)
      .where("fired_at", "is", null).execute();
  }
  await insertTimers(db, timers);
}

/** Timers as a record set (for `insertRecords` or a larger statement). */
export function timerRecords(timers: readonly Insertable<CaseTimerTable>[]): RecordSet {
  return {
    table: "case_timers",
    columns: { case_id: "uuid", assignment_id: "uuid", kind: "text", due_at: "timestamptz" },
    rows: timers.map((t) => ({
      case_id: t.case_id,
      assignment_id: t.assignment_id ?? null,
      kind: t.kind,
      due_at: t.due_at,
    })),
  };
}

/** Inserts timers (one statement per 5,000; see `insertRecords`). */
export async function insertTimers(
  db: Queryable,
  timers: readonly Insertable<CaseTimerTable>[],
): Promise<void> {
  await insertRecords(db, timerRecords(timers));
}
