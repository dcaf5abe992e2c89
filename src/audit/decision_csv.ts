/**
 * The CSV form of the decision log: one row per entry, RFC 4180 (CRLF line ends, quoted fields).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DECISION_CSV_COLUMNS, DECISION_CSV_HEADER, decisionCsvRow } from "./decision_csv.ts";
 * assert.equal(DECISION_CSV_HEADER, DECISION_CSV_COLUMNS.join(",") + "\r\n");
 * const row = decisionCsvRow({
 *   seq: 7, case_id: null, kind: "publish", ruleset_version: 2, ruleset_hash: "ab",
 *   matched_rules: [], facts: {}, outcome: { version: 2 }, reason: { zh: "发布", en: "published" },
 *   actor: "token:policy", request_id: null, created_at: new Date("2026-11-23T00:00:00Z"),
 *   prev_hash: "00", hash: "11",
 * });
 * assert.ok(row.startsWith("7,2026-11-23T00:00:00.000Z,publish,,2,ab,token:policy,,,,"));
 * assert.ok(row.endsWith('"{""version"":2}",00,11\r\n'));
 * ```
 *
 * @module
 */

import { csvField } from "./csv_field.ts";
import type { LoggedDecision } from "./decision_entry.ts";

/** The columns, in order; `facts` and `outcome` are JSON text, `matched_rules` the rule names. */
export const DECISION_CSV_COLUMNS: readonly string[] = [
  "seq",
  "created_at",
  "kind",
  "case_id",
  "ruleset_version",
  "ruleset_hash",
  "actor",
  "request_id",
  "owner",
  "matched_rules",
  "reason_zh",
  "reason_en",
  "facts",
  "outcome",
  "prev_hash",
  "hash",
];

/** The header line, with its CRLF. */
export const DECISION_CSV_HEADER: string = `${DECISION_CSV_COLUMNS.join(",")}\r\n`;

function ruleNames(rules: readonly unknown[]): string {
  return rules
    .map((rule) =>
      rule !== null && typeof rule === "object" && "name" in rule ? String(rule.name) : ""
    )
    .join("; ");
}

/** One entry as a CSV line, with its CRLF. */
export function decisionCsvRow(entry: LoggedDecision): string {
  const owner = entry.outcome.owner;
  return [
    csvField(entry.seq),
    csvField(entry.created_at.toISOString()),
    csvField(entry.kind),
    csvField(entry.case_id),
    csvField(entry.ruleset_version),
    csvField(entry.ruleset_hash),
    csvField(entry.actor),
    csvField(entry.request_id),
    csvField(typeof owner === "string" ? owner : null),
    csvField(ruleNames(entry.matched_rules)),
    csvField(entry.reason?.zh ?? null),
    csvField(entry.reason?.en ?? null),
    csvField(JSON.stringify(entry.facts)),
    csvField(JSON.stringify(entry.outcome)),
    csvField(entry.prev_hash),
    csvField(entry.hash),
  ].join(",") + "\r\n";
}
