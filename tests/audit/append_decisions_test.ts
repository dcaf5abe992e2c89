import assert from "node:assert/strict";
import { sql } from "kysely";
import { appendDecisions } from "../../src/audit/append_decisions.ts";
import { decisionChainRecords } from "../../src/audit/decision_chain_records.ts";
import { hashedFields } from "../../src/audit/hashed_fields.ts";
import { verifyChain } from "../../src/audit/verify_chain.ts";
import { type DecisionEntry, GENESIS_HASH } from "../../src/audit/decision_entry.ts";
import { hashDecision } from "../../src/audit/hash_decision.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";

function entry(n: number): DecisionEntry {
  return {
    case_id: crypto.randomUUID(),
    kind: "route",
    ruleset_version: 1,
    ruleset_hash: "abc",
    matched_rules: [{ name: `rule-${n}` }],
    facts: { type: "MT-1", n },
    outcome: { owner: "YG-MZJ" },
    reason: { zh: "原因", en: "reason" },
    actor: "token:test",
    request_id: null,
    created_at: new Date(Date.UTC(2026, 10, 23, 0, 0, n)),
  };
}

Deno.test(`appendDecisions() chains each entry to the one before it (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  try {
    const { db } = database;
    await db.transaction().execute((trx) => appendDecisions(trx, [entry(1), entry(2)]));
    await db.transaction().execute((trx) => appendDecisions(trx, [entry(3)]));
    const rows = await db.selectFrom("decision_log").selectAll().orderBy("seq").execute();
    assert.deepEqual(rows.map((r) => Number(r.seq)), [1, 2, 3]);
    assert.equal(rows[0].prev_hash, GENESIS_HASH);
    let prev = GENESIS_HASH;
    for (const [i, row] of rows.entries()) {
      assert.equal(row.prev_hash, prev);
      assert.equal(row.hash, hashDecision(prev, i + 1, { ...entry(i + 1), case_id: row.case_id }));
      prev = row.hash;
    }
  } finally {
    await database.close();
  }
});

Deno.test(`the database refuses to update, delete or truncate the decision log (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  try {
    const { db } = database;
    await db.transaction().execute((trx) => appendDecisions(trx, [entry(1)]));
    await assert.rejects(
      () => db.updateTable("decision_log").set({ actor: "someone else" }).execute(),
      /append-only/,
    );
    await assert.rejects(() => db.deleteFrom("decision_log").execute(), /append-only/);
    await assert.rejects(() => sql`truncate decision_log`.execute(db), /append-only/);
    const rows = await db.selectFrom("decision_log").select("actor").execute();
    assert.deepEqual(rows, [{ actor: "token:test" }]);
  } finally {
    await database.close();
  }
});

Deno.test(`concurrent appends never fork the chain (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  try {
    const { db } = database;
    await Promise.all(
      Array.from(
        { length: 8 },
        (_, i) =>
          db.transaction().execute((trx) => appendDecisions(trx, [entry(i * 2), entry(i * 2 + 1)])),
      ),
    );
    const rows = await db.selectFrom("decision_log").select(["seq", "prev_hash", "hash"]).orderBy(
      "seq",
    ).execute();
    assert.equal(rows.length, 16);
    rows.forEach((row, i) => {
      assert.equal(Number(row.seq), i + 1);
      assert.equal(row.prev_hash, i === 0 ? GENESIS_HASH : rows[i - 1].hash);
    });
  } finally {
    await database.close();
  }
});

Deno.test(`the jsonb form of decision_log_append() (an instance of the previous version) extends the same chain (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  try {
    const { db } = database;
    await db.transaction().execute((trx) => appendDecisions(trx, [entry(1)]));
    // What the previous version sent: each entry's fields and its canonical body.
    const old = decisionChainRecords([entry(2)]).map((r) => ({ ...hashedFields(entry(2)), ...r }));
    await sql`select * from decision_log_append(cast(${JSON.stringify(old)}::text as jsonb))`
      .execute(db);
    await db.transaction().execute((trx) => appendDecisions(trx, [entry(3)]));
    const rows = await db.selectFrom("decision_log").selectAll().orderBy("seq").execute();
    assert.deepEqual(rows.map((r) => [Number(r.seq), r.kind, (r.facts as { n: number }).n]), [
      [1, "route", 1],
      [2, "route", 2],
      [3, "route", 3],
    ]);
    assert.equal(
      rows[1].hash,
      hashDecision(rows[0].hash, 2, { ...entry(2), case_id: rows[1].case_id }),
    );
    assert.equal((await verifyChain(db)).intact, true);
  } finally {
    await database.close();
  }
});
