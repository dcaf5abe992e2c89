import type { LoggedDecision } from "../audit/decision_entry.ts";
import { decisionsForCases } from "../audit/decisions_for_cases.ts";
import type { Queryable } from "../db/database.ts";
import { type CaseRecord, toCaseRecord } from "./case_record.ts";

/** A case with every decision logged about it, oldest first. */
export interface CaseWithHistory extends CaseRecord {
  history: LoggedDecision[];
}

/** The case with this id and its decision history, or `undefined`. */
export async function findCase(db: Queryable, id: string): Promise<CaseWithHistory | undefined> {
  const row = await db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  return { ...toCaseRecord(row), history: await decisionsForCases(db, [id]) };
}
