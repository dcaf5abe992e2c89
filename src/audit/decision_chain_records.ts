import { canonicalJson } from "../lib/canonical_json.ts";
import { sha256Hex } from "../lib/sha256.ts";
import { type DecisionEntry, GENESIS_HASH } from "./decision_entry.ts";
import { hashDecision } from "./hash_decision.ts";
import { hashedFields } from "./hashed_fields.ts";

/**
 * A decision as `decision_log_append()` takes it: the canonical JSON text `hashDecision()`
 * hashes, without `seq` (which sorts after every key). The database reads the log's columns
 * from it, so each value travels once; `case_id` is repeated outside for filtering.
 */
export interface DecisionChainRecord {
  case_id: string | null;
  body: string;
}

/**
 * The records `decision_log_append()` (migrations 2026-11-23T12-00 and 16-00) chains and
 * stores. The database hashes `prev_hash + "\n" + body` with `,"seq":N` spliced in before the
 * closing brace; the first record is checked here against `hashDecision()`, so a change to the
 * entry's fields that broke the splice fails the write instead of the chain.
 *
 * @example
 * ```ts
 * import { decisionChainRecords } from "./decision_chain_records.ts";
 * const [record] = decisionChainRecords([{
 *   case_id: null, kind: "publish", ruleset_version: 1, ruleset_hash: "ab", matched_rules: [],
 *   facts: {}, outcome: {}, reason: { zh: "发布", en: "published" }, actor: "system",
 *   request_id: null, created_at: new Date("2026-01-01T00:00:00Z"),
 * }]);
 * record.body.startsWith('{"actor":"system"'); // true
 * ```
 */
export function decisionChainRecords(entries: readonly DecisionEntry[]): DecisionChainRecord[] {
  const records = entries.map((entry) => {
    const fields = hashedFields(entry);
    return { case_id: fields.case_id, body: canonicalJson(fields) };
  });
  if (records.length > 0) {
    const spliced = sha256Hex(`${GENESIS_HASH}\n${records[0].body.slice(0, -1)},"seq":1}`);
    if (spliced !== hashDecision(GENESIS_HASH, 1, entries[0])) {
      throw new Error("decision-log body does not splice into hashDecision()'s text");
    }
  }
  return records;
}
