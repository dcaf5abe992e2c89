import assert from "node:assert/strict";
import { decisionChainRecords } from "../../src/audit/decision_chain_records.ts";
import { type DecisionEntry, GENESIS_HASH } from "../../src/audit/decision_entry.ts";
import { hashDecision } from "../../src/audit/hash_decision.ts";
import { sha256Hex } from "../../src/lib/sha256.ts";

const entry: DecisionEntry = {
  case_id: "6f1c1a52-7f0e-4a8e-9a43-0d1f6f0c2b11",
  kind: "route",
  ruleset_version: 3,
  ruleset_hash: "ab12",
  matched_rules: [{ name: "夜间噪音转公安", priority: 10 }],
  facts: { type: "MT-1", text: '楼道\n堆放"杂物"', reporter: { name: "张三" }, n: 1.5 },
  outcome: { owner: "YG-GAJ", deadlines: { accept_by: "2026-11-23T04:00:00.000Z" } },
  reason: { zh: "例外规则", en: "exception rule" },
  actor: "token:hotline",
  request_id: "req-1",
  created_at: new Date("2026-11-23T02:00:00.123Z"),
};

Deno.test("decisionChainRecords() gives the body that splices into hashDecision()'s text", () => {
  const [record] = decisionChainRecords([entry]);
  for (const [prev, seq] of [[GENESIS_HASH, 1], ["f".repeat(64), 123456789]] as const) {
    // What decision_log_append() hashes: the body with `,"seq":N` before its closing brace.
    const spliced = sha256Hex(`${prev}\n${record.body.slice(0, -1)},"seq":${seq}}`);
    assert.equal(spliced, hashDecision(prev, seq, entry));
  }
  // The database reads the columns from the body: every value is in it, the time as ISO text.
  const body = JSON.parse(record.body);
  assert.equal(body.created_at, "2026-11-23T02:00:00.123Z");
  assert.deepEqual(body.facts, entry.facts);
  assert.equal(record.case_id, entry.case_id);
});

Deno.test("decisionChainRecords() keeps the order and gives nothing for no entries", () => {
  assert.deepEqual(decisionChainRecords([]), []);
  const records = decisionChainRecords([entry, { ...entry, kind: "escalate", request_id: null }]);
  const bodies = records.map((r) => JSON.parse(r.body));
  assert.deepEqual(bodies.map((b) => [b.kind, b.request_id]), [["route", "req-1"], [
    "escalate",
    null,
  ]]);
});
