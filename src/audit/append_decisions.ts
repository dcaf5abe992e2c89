import { sql } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { DecisionEntry, LoggedDecision } from "./decision_entry.ts";
import { decisionChainRecords } from "./decision_chain_records.ts";

/**
 * Appends entries to the decision log, in order, inside the caller's transaction (or as one
 * atomic statement). The database extends the chain (`decision_log_append()`) under a
 * transaction-scoped advisory lock that every writer of every instance takes, so concurrent
 * writers queue up instead of forking the chain; the lock is released at commit.
 */
export async function appendDecisions(
  db: Queryable,
  entries: readonly DecisionEntry[],
): Promise<LoggedDecision[]> {
  if (entries.length === 0) return [];
  // Serialized before the call: the chain lock is held from inside it to the commit, and every
  // writer of any instance waits for it, so the work done under it is kept small. The bodies go
  // one per line, as intake sends them (canonical JSON escapes every line break).
  const bodies = decisionChainRecords(entries).map((record) => record.body).join("\n");
  const { rows } = await sql<{ seq: string | number; prev_hash: string; hash: string }>`
    select seq, prev_hash, hash
    from decision_log_append(string_to_array(cast(${bodies} as text), E'\n'))`
    .execute(db);
  return entries.map((entry, i) => ({
    ...entry,
    seq: Number(rows[i].seq),
    prev_hash: rows[i].prev_hash,
    hash: rows[i].hash,
  }));
}
