import { sql, type Transaction } from "kysely";
import type { Database } from "../db/database.ts";
import { insertRecords } from "../db/insert_records.ts";
import { type DecisionEntry, GENESIS_HASH, type LoggedDecision } from "./decision_entry.ts";
import { hashDecision } from "./hash_decision.ts";
import { canonicalJson } from "../lib/canonical_json.ts";
import { sha256Hex } from "../lib/sha256.ts";

/** The columns of a logged decision, with their SQL types. */
const DECISION_COLUMNS = {
  seq: "bigint",
  case_id: "uuid",
  kind: "text",
  ruleset_version: "integer",
  ruleset_hash: "text",
  matched_rules: "jsonb",
  facts: "jsonb",
  outcome: "jsonb",
  reason: "jsonb",
  actor: "text",
  request_id: "text",
  created_at: "timestamptz",
  prev_hash: "text",
  hash: "text",
} as const;

/**
 * The canonical JSON `hashDecision()` hashes, without `seq`: `seq` sorts after every other key,
 * so the full text is this one with `,"seq":N` before its closing brace.
 */
function bodyWithoutSeq(entry: DecisionEntry): string {
  return canonicalJson({
    case_id: entry.case_id,
    kind: entry.kind,
    ruleset_version: entry.ruleset_version,
    ruleset_hash: entry.ruleset_hash,
    matched_rules: entry.matched_rules,
    facts: entry.facts,
    outcome: entry.outcome,
    reason: entry.reason,
    actor: entry.actor,
    request_id: entry.request_id,
    created_at: entry.created_at.toISOString(),
  });
}

/** `hashDecision(prevHash, seq, entry)` from the entry's {@link bodyWithoutSeq}. */
function chainedHash(prevHash: string, seq: number, body: string): string {
  return sha256Hex(`${prevHash}\n${body.slice(0, -1)},"seq":${seq}}`);
}

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
  // Serialized before the lock: the chain lock is held from here to the commit, and every
  // writer of any instance waits for it, so the work done under it is kept small.
  const bodies = entries.map(bodyWithoutSeq);
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const head = await trx
    .selectFrom("decision_log")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  let seq = head ? Number(head.seq) : 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  // The shortcut must give hashDecision()'s hash; should the two ever differ, use hashDecision.
  const fast = entries.length > 0 &&
    chainedHash(prevHash, seq + 1, bodies[0]) === hashDecision(prevHash, seq + 1, entries[0]);
  const logged = entries.map((entry, i) => {
    seq += 1;
    const hash = fast ? chainedHash(prevHash, seq, bodies[i]) : hashDecision(prevHash, seq, entry);
    const row: LoggedDecision = { ...entry, seq, prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
  // One JSON parameter per statement (see insertRecords): much cheaper per row than a bound
  // parameter per value when thousands of entries go in at once (intake, escalation sweeps).
  await insertRecords(trx, "decision_log", DECISION_COLUMNS, logged);
  return logged;
}
