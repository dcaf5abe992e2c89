import assert from "node:assert/strict";
import type { DecisionEntry } from "../../src/audit/decision_entry.ts";
import { verifyChain } from "../../src/audit/verify_chain.ts";
import { storeNewCases } from "../../src/cases/store_new_cases.ts";
import type { RecordSet } from "../../src/db/record_set.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";

const at = new Date("2026-11-23T02:00:00.000Z");

function caseRows(ids: readonly string[], source = "hotline"): RecordSet {
  return {
    table: "cases",
    columns: {
      id: "uuid",
      source: "text",
      external_id: "text",
      type: "text",
      title: "text",
      description: "text",
      urgency: "text",
      channel: "text",
      reported_at: "timestamptz",
      received_at: "timestamptz",
      state: "text",
      owner: "text",
      priority: "text",
      ruleset_version: "integer",
      accept_by: "timestamptz",
      resolve_by: "timestamptz",
      updated_at: "timestamptz",
    },
    rows: ids.map((id, i) => ({
      id,
      source,
      external_id: `E-${i}`,
      type: "MT-1",
      title: "路灯不亮",
      description: "小区门口路灯不亮",
      urgency: "normal",
      channel: "hotline",
      reported_at: at,
      received_at: at,
      state: "assigned",
      owner: "YG-CGJ",
      priority: "normal",
      ruleset_version: 1,
      accept_by: new Date(at.getTime() + 7_200_000),
      resolve_by: new Date(at.getTime() + 172_800_000),
      updated_at: at,
    })),
  };
}

const events = (ids: readonly string[], kinds: readonly string[]): RecordSet => ({
  table: "case_events",
  columns: { case_id: "uuid", at: "timestamptz", kind: "text", actor: "text", data: "jsonb" },
  rows: ids.flatMap((id) => kinds.map((kind) => ({ case_id: id, at, kind, actor: "t", data: {} }))),
});

const route = (caseId: string): DecisionEntry => ({
  case_id: caseId,
  kind: "route",
  ruleset_version: 1,
  ruleset_hash: "ab",
  matched_rules: [],
  facts: { type: "MT-1" },
  outcome: { owner: "YG-CGJ" },
  reason: { zh: "准入清单", en: "admission list" },
  actor: "token:test",
  request_id: null,
  created_at: at,
});

Deno.test(`storeNewCases() stores the cases, their rows in order and their chained decisions (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  try {
    const { db } = database;
    const ids: string[] = [crypto.randomUUID(), crypto.randomUUID()];
    const inserted = await storeNewCases(db, {
      cases: caseRows(ids),
      dependents: [events(ids, ["assigned", "note", "warning"])],
      decisions: ids.map(route),
    });
    assert.deepEqual([...inserted].sort(), [...ids].sort());
    const timeline = await db.selectFrom("case_events").select(["case_id", "kind"])
      .orderBy("id").execute();
    assert.deepEqual(
      timeline.map((e) => [ids.indexOf(e.case_id), e.kind]),
      [[0, "assigned"], [0, "note"], [0, "warning"], [1, "assigned"], [1, "note"], [1, "warning"]],
    );
    const log = await db.selectFrom("decision_log").select(["seq", "case_id"]).orderBy("seq")
      .execute();
    assert.deepEqual(log.map((d) => d.case_id), ids);
    assert.equal((await verifyChain(db)).intact, true);
  } finally {
    await database.close();
  }
});

Deno.test(`storeNewCases() skips a stored case with its rows and its decision (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  try {
    const { db } = database;
    const first = crypto.randomUUID();
    await storeNewCases(db, {
      cases: caseRows([first]),
      dependents: [events([first], ["assigned"])],
      decisions: [route(first)],
    });
    // The same (source, external_id) again under a new id, next to a new case.
    const retry = crypto.randomUUID();
    const fresh = crypto.randomUUID();
    const inserted = await storeNewCases(db, {
      cases: {
        ...caseRows([retry]),
        rows: [...caseRows([retry]).rows, caseRows([fresh], "app").rows[0]],
      },
      dependents: [events([retry, fresh], ["assigned"])],
      decisions: [route(retry), route(fresh)],
    });
    assert.deepEqual([...inserted], [fresh]);
    const cases = await db.selectFrom("cases").select("id").execute();
    assert.deepEqual(cases.map((c) => c.id).sort(), [first, fresh].sort());
    const timeline = await db.selectFrom("case_events").select("case_id").orderBy("id").execute();
    assert.deepEqual(timeline.map((e) => e.case_id), [first, fresh]);
    const log = await db.selectFrom("decision_log").select("case_id").orderBy("seq").execute();
    assert.deepEqual(log.map((d) => d.case_id), [first, fresh]);
    assert.equal((await verifyChain(db)).intact, true);
  } finally {
    await database.close();
  }
});

Deno.test(`storeNewCases() keeps decision text with line breaks, quotes and backslashes intact (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  try {
    const { db } = database;
    const id = crypto.randomUUID();
    // The decisions travel one per line: a line break inside a value must not split one.
    const facts = { type: "MT-1", text: '楼道\n堆放"杂物"\\\r\n\u2028第二行', n: 1.5, none: null };
    await storeNewCases(db, {
      cases: caseRows([id]),
      dependents: [],
      decisions: [{ ...route(id), facts, reason: { zh: "例外\n规则", en: "line\nbreak" } }],
    });
    const [row] = await db.selectFrom("decision_log").select(["facts", "reason", "created_at"])
      .execute();
    assert.deepEqual(row.facts, facts);
    assert.deepEqual(row.reason, { zh: "例外\n规则", en: "line\nbreak" });
    assert.equal(new Date(row.created_at).toISOString(), at.toISOString());
    assert.equal((await verifyChain(db)).intact, true);
  } finally {
    await database.close();
  }
});
