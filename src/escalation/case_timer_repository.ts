/**
 * `case_timers`: the sweeper's due work.
 *
 * @module
 */

import type { Insertable } from "kysely";
import type { Queryable } from "../db/database.ts";
import { insertRecords } from "../db/insert_records.ts";
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

/** Inserts timers (one statement per 5,000; see `insertRecords`). */
export async function insertTimers(
  db: Queryable,
  timers: readonly Insertable<CaseTimerTable>[],
): Promise<void> {
  await insertRecords(
    db,
    "case_timers",
    { case_id: "uuid", assignment_id: "uuid", kind: "text", due_at: "timestamptz" },
    timers.map((t) => ({
      case_id: t.case_id,
      assignment_id: t.assignment_id ?? null,
      kind: t.kind,
      due_at: t.due_at,
    })),
  );
}
