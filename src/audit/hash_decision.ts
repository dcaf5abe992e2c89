import { canonicalJson } from "../lib/canonical_json.ts";
import { sha256Hex } from "../lib/sha256.ts";
import type { DecisionEntry } from "./decision_entry.ts";
import { hashedFields } from "./hashed_fields.ts";

/**
 * The chained hash of a decision-log entry: SHA-256 over the previous entry's hash and the
 * canonical JSON of this entry with its sequence number. Changing, removing or reordering any
 * entry changes every hash after it.
 *
 * @example
 * ```ts
 * import { hashDecision } from "./hash_decision.ts";
 * import { GENESIS_HASH } from "./decision_entry.ts";
 * const entry = {
 *   case_id: null, kind: "publish" as const, ruleset_version: 1, ruleset_hash: "ab",
 *   matched_rules: [], facts: {}, outcome: {}, reason: { zh: "发布", en: "published" },
 *   actor: "system", request_id: null, created_at: new Date("2026-01-01T00:00:00Z"),
 * };
 * hashDecision(GENESIS_HASH, 1, entry).length; // 64
 * ```
 */
export function hashDecision(prevHash: string, seq: number, entry: DecisionEntry): string {
  const body = canonicalJson({ seq, ...hashedFields(entry) });
  return sha256Hex(`${prevHash}\n${body}`);
}
