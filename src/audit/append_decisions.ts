import { sql, type Transaction } from "kysely";
import type { Database } from "../db/database.ts";
import { jsonb } from "../db/jsonb.ts";
import { type DecisionEntry, GENESIS_HASH, type LoggedDecision } from "./decision_entry.ts";
import { hashDecision } from "./hash_decision.ts";

/** Advisory-lock key that serializes extensions of the chain across all instances. */
const CHAIN_LOCK = 0x5768_6973; // "Whis"

/**
 * Appends entries to the decision log, in order, inside the caller's transaction. The chain is
 * extended once per call under a transaction-scoped advisory lock, so concurrent writers (several
 * instances) queue up instead of forking the chain; the lock is released at commit.
 */
export async function appendDecisions(
  trx: Transaction<Database>,
  entries: readonly DecisionEntry[],
): Promise<LoggedDecision[]> {
  if (entries.length === 0) return [];
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const head = await trx
    .selectFrom("decision_log")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  let seq = head ? Number(head.seq) : 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const logged = entries.map((entry) => {
    seq += 1;
    const hash = hashDecision(prevHash, seq, entry);
    const row: LoggedDecision = { ...entry, seq, prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < logged.length; i += 1000) {
    await trx
      .insertInto("decision_log")
      .values(
        logged.slice(i, i + 1000).map((e) => ({
          seq: e.seq,
          case_id: e.case_id,
          kind: e.kind,
          ruleset_version: e.ruleset_version,
          ruleset_hash: e.ruleset_hash,
          matched_rules: jsonb(e.matched_rules),
          facts: jsonb(e.facts),
          outcome: jsonb(e.outcome),
          reason: jsonb(e.reason),
          actor: e.actor,
          request_id: e.request_id,
          created_at: e.created_at,
          prev_hash: e.prev_hash,
          hash: e.hash,
        })),
      )
      .execute();
  }
  return logged;
}
