import assert from "node:assert/strict";
import type { Kysely } from "kysely";
import { hashDecision } from "../../src/audit/hash_decision.ts";
import { toLoggedDecision } from "../../src/audit/to_logged_decision.ts";
import { verifyChain, type VerifyProgress } from "../../src/audit/verify_chain.ts";
import type { Database } from "../../src/db/database.ts";
import { jsonb } from "../../src/db/jsonb.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";
import { appendEntries, logEntry, tamper } from "./audit_fixture.ts";

function test(name: string, fn: (db: Kysely<Database>) => Promise<void>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const database = await openTestDatabase();
    try {
      await fn(database.db);
    } finally {
      await database.close();
    }
  });
}

/** 25 entries, appended in a few transactions. */
async function seedLog(db: Kysely<Database>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await appendEntries(db, Array.from({ length: 5 }, () => logEntry()));
  }
}

test("an untouched chain verifies, page by page, with progress", async (db) => {
  assert.deepEqual(
    { ...(await verifyChain(db)), elapsed_ms: 0 },
    {
      intact: true,
      checked: 0,
      first_seq: null,
      last_seq: null,
      last_hash: null,
      complete: true,
      next_after_seq: null,
      broken: null,
      elapsed_ms: 0,
    },
  );
  await seedLog(db);
  const progress: VerifyProgress[] = [];
  const result = await verifyChain(db, {
    pageSize: 4,
    progressEvery: 10,
    onProgress: (p) => progress.push(p),
  });
  const head = await db.selectFrom("decision_log").select("hash").where("seq", "=", 25)
    .executeTakeFirstOrThrow();
  assert.equal(result.intact, true);
  assert.equal(result.checked, 25);
  assert.equal(result.first_seq, 1);
  assert.equal(result.last_seq, 25);
  assert.equal(result.last_hash, head.hash);
  assert.equal(result.complete, true);
  assert.deepEqual(progress.map((p) => p.checked), [12, 24]);
  assert.ok(progress.every((p) => p.rows_per_second > 0));
});

test("verification can run in slices: after a seq, at most N rows", async (db) => {
  await seedLog(db);
  const first = await verifyChain(db, { maxRows: 10, pageSize: 3 });
  assert.equal(first.checked, 10);
  assert.equal(first.complete, false);
  assert.equal(first.next_after_seq, 10);
  const rest = await verifyChain(db, { afterSeq: first.next_after_seq!, pageSize: 3 });
  assert.equal(rest.intact, true);
  assert.equal(rest.first_seq, 11);
  assert.equal(rest.checked, 15);
  assert.equal(rest.complete, true);
  const missing = await verifyChain(db, { afterSeq: 99 });
  assert.equal(missing.intact, false);
  assert.equal(missing.broken?.seq, 99);
});

test("an entry edited in place is pinpointed by its seq (hash mismatch)", async (db) => {
  await seedLog(db);
  await tamper(db, (trx) =>
    trx.updateTable("decision_log")
      .set({ facts: jsonb({ type: "MT-MZJ-005", text: "改过的事实" }) })
      .where("seq", "=", 7)
      .execute());
  const result = await verifyChain(db, { pageSize: 4 });
  assert.equal(result.intact, false);
  assert.equal(result.broken?.seq, 7);
  assert.equal(result.broken?.problem, "hash_mismatch");
  assert.match(result.broken!.message, /Entry 7 was changed/);
  assert.equal(result.checked, 6);
  assert.equal(result.last_seq, 6);
  assert.equal(result.complete, true);
});

test("a deleted entry is a gap at its seq", async (db) => {
  await seedLog(db);
  await tamper(db, (trx) => trx.deleteFrom("decision_log").where("seq", "=", 12).execute());
  const result = await verifyChain(db, { pageSize: 5 });
  assert.equal(result.broken?.seq, 12);
  assert.equal(result.broken?.problem, "gap");
  assert.equal(result.broken?.found, 13);
  assert.match(result.broken!.message, /Entry 12 is missing/);

  await tamper(db, (trx) => trx.deleteFrom("decision_log").where("seq", "<=", 2).execute());
  const head = await verifyChain(db);
  assert.equal(head.broken?.seq, 1);
  assert.match(head.broken!.message, /Entries 1–2 are missing/);
});

test("a forged entry with a recomputed hash breaks the next link", async (db) => {
  await seedLog(db);
  await tamper(db, async (trx) => {
    const row = toLoggedDecision(
      await trx.selectFrom("decision_log").selectAll().where("seq", "=", 8)
        .executeTakeFirstOrThrow(),
    );
    const forged = { ...row, outcome: { ...row.outcome, owner: "YG-SFJ" } };
    await trx.updateTable("decision_log")
      .set({
        outcome: jsonb(forged.outcome),
        hash: hashDecision(row.prev_hash, row.seq, forged),
      })
      .where("seq", "=", 8)
      .execute();
  });
  const result = await verifyChain(db, { pageSize: 8 });
  assert.equal(result.intact, false);
  assert.equal(result.broken?.seq, 9);
  assert.equal(result.broken?.problem, "prev_hash_mismatch");
  assert.equal(result.broken?.suspect_seq, 8);
  assert.equal(result.checked, 8);
});
