import assert from "node:assert/strict";
import { IntakeUnavailableError } from "../../src/cases/intake_errors.ts";
import type { IntakeItem } from "../../src/cases/intake_item.ts";
import { type BatchReport, IntakeQueue } from "../../src/cases/intake_queue.ts";
import { caseFacts, type NewCase } from "../../src/cases/new_case.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";

const NOW = new Date("2026-11-23T02:00:00Z");

function item(externalId: string, owner = "YG-MZJ"): IntakeItem {
  const input: NewCase = {
    source: "hotline",
    external_id: externalId,
    type: "MT-MZJ-005",
    title: "独居老人无人照看",
    description: "",
    location: { area_code: "YG-S01" },
    urgency: "normal",
    channel: "hotline",
    reported_at: NOW.toISOString(),
  };
  return {
    id: crypto.randomUUID(),
    input,
    facts: caseFacts(input),
    decision: {
      owner,
      list_owner: owner,
      matched_rules: [],
      fallback: false,
      priority: "normal",
      reason: { zh: "准入清单", en: "admission list" },
      deadlines: { accept_by: "2026-11-23T04:00:00.000Z", resolve_by: "2026-11-25T02:00:00.000Z" },
      ruleset: { version: 1, hash: "h" },
    },
    receivedAt: NOW,
    actor: "token:test",
    requestId: null,
  };
}

Deno.test(`IntakeQueue shares one transaction among cases submitted together (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  const reports: BatchReport[] = [];
  const queue = new IntakeQueue(
    database.db,
    { maxBatch: 500, maxWaitMs: 0, maxPending: 1000 },
    (r) => reports.push(r),
  );
  try {
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => queue.submit(item(`HL-${i}`))),
    );
    assert.ok(outcomes.every((o) => o.status === "created"));
    assert.equal(reports.length, 1, "50 cases waiting together go in one transaction");
    assert.equal(reports[0].size, 50);
    const { count } = await database.db.selectFrom("cases").select((eb) =>
      eb.fn.countAll<number>().as("count")
    ).executeTakeFirstOrThrow();
    assert.equal(Number(count), 50);
    const logged = await database.db.selectFrom("decision_log").select("case_id").execute();
    assert.deepEqual(
      new Set(logged.map((r) => r.case_id)),
      new Set(outcomes.map((o) => o.case.id)),
    );
  } finally {
    await queue.close();
    await database.close();
  }
});

Deno.test(`IntakeQueue answers a duplicate in the same batch and across batches with one case (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  const queue = new IntakeQueue(database.db, { maxBatch: 500, maxWaitMs: 0, maxPending: 1000 });
  try {
    const [a, b] = await Promise.all([queue.submit(item("HL-1")), queue.submit(item("HL-1", "X"))]);
    assert.equal(a.status, "created");
    assert.equal(b.status, "existing");
    assert.equal(a.case.id, b.case.id);
    assert.deepEqual(b.decision, a.decision);
    const later = await queue.submit(item("HL-1", "Y"));
    assert.equal(later.status, "existing");
    assert.equal(later.case.id, a.case.id);
    assert.equal(later.case.owner, "YG-MZJ");
    assert.deepEqual(later.decision.deadlines, a.decision.deadlines);
    const rows = await database.db.selectFrom("cases").select("id").execute();
    assert.equal(rows.length, 1);
    const log = await database.db.selectFrom("decision_log").select("seq").execute();
    assert.equal(log.length, 1);
  } finally {
    await queue.close();
    await database.close();
  }
});

Deno.test(`IntakeQueue rejects every case of a failed transaction and stores none (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  const queue = new IntakeQueue(database.db, { maxBatch: 500, maxWaitMs: 0, maxPending: 1000 });
  try {
    const bad = item("HL-bad");
    bad.input = { ...bad.input, reported_at: "not a date" }; // the insert fails inside the transaction
    const results = await Promise.allSettled([queue.submit(item("HL-ok")), queue.submit(bad)]);
    assert.ok(results.every((r) => r.status === "rejected"));
    for (const r of results) {
      assert.ok((r as PromiseRejectedResult).reason instanceof IntakeUnavailableError);
    }
    assert.equal((await database.db.selectFrom("cases").select("id").execute()).length, 0);
    assert.equal((await database.db.selectFrom("decision_log").select("seq").execute()).length, 0);
  } finally {
    await queue.close();
    await database.close();
  }
});

Deno.test("IntakeQueue refuses work when full and after close, with a Retry-After", async () => {
  const database = await openTestDatabase();
  const queue = new IntakeQueue(database.db, { maxBatch: 1, maxWaitMs: 50, maxPending: 2 });
  try {
    const accepted = [queue.submit(item("A")), queue.submit(item("B"))];
    await assert.rejects(
      () => queue.submit(item("C")),
      (e: unknown) =>
        e instanceof IntakeUnavailableError && e.retryAfterSeconds > 0 && /full/.test(e.message),
    );
    const closing = queue.close();
    await assert.rejects(() => queue.submit(item("D")), /shutting down/);
    await closing;
    assert.deepEqual((await Promise.all(accepted)).map((o) => o.status), ["created", "created"]);
  } finally {
    await database.close();
  }
});

Deno.test(`IntakeQueue with two writers answers every case, also one submitted as another is answered (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  const queue = new IntakeQueue(database.db, {
    maxBatch: 7,
    maxWaitMs: 0,
    maxPending: 1000,
    writers: 2,
  });
  try {
    const chained = queue.submit(item("first")).then(() => queue.submit(item("second")));
    const many = Array.from({ length: 60 }, (_, i) => queue.submit(item(`M-${i}`)));
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error("stranded")), 20_000)
    );
    await Promise.race([Promise.all([chained, ...many]), timeout]);
    const rows = await database.db.selectFrom("cases").select("id").execute();
    assert.equal(rows.length, 62);
    const log = await database.db.selectFrom("decision_log").select(["seq", "prev_hash", "hash"])
      .orderBy("seq").execute();
    assert.equal(log.length, 62);
    log.forEach((row, i) => i > 0 && assert.equal(row.prev_hash, log[i - 1].hash));
  } finally {
    await queue.close();
    await database.close();
  }
});
