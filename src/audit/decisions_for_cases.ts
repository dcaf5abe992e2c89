import type { Queryable } from "../db/database.ts";
import type { LoggedDecision } from "./decision_entry.ts";
import { toLoggedDecision } from "./to_logged_decision.ts";

/** Every logged decision about the given cases, oldest first. */
export async function decisionsForCases(
  db: Queryable,
  caseIds: readonly string[],
): Promise<LoggedDecision[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom("decision_log")
    .selectAll()
    .where("case_id", "in", caseIds)
    .orderBy("seq")
    .execute();
  return rows.map(toLoggedDecision);
}
