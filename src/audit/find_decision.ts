import type { Queryable } from "../db/database.ts";
import type { LoggedDecision } from "./decision_entry.ts";
import { toLoggedDecision } from "./to_logged_decision.ts";

/** The decision-log entry with this `seq`, or `undefined`. */
export async function findDecision(
  db: Queryable,
  seq: number,
): Promise<LoggedDecision | undefined> {
  const row = await db.selectFrom("decision_log").selectAll().where("seq", "=", seq)
    .executeTakeFirst();
  return row && toLoggedDecision(row);
}
