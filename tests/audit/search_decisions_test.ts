import assert from "node:assert/strict";
import type { Kysely } from "kysely";
import type { AuditFilter } from "../../src/audit/audit_filter.ts";
import { findDecision } from "../../src/audit/find_decision.ts";
import { searchDecisions } from "../../src/audit/search_decisions.ts";
import type { Database } from "../../src/db/database.ts";
import { createDraft } from "../../src/rulesets/create_draft.ts";
import { editDraft } from "../../src/rulesets/edit_draft.ts";
import { installInitialRuleset } from "../../src/rulesets/install_initial_ruleset.ts";
import { publishDraft } from "../../src/rulesets/publish_draft.ts";
import { republishVersion } from "../../src/rulesets/republish_version.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";
import { DEMO_RULES_DIR } from "../support/test_whistle.ts";
import { appendEntries, logEntry } from "./audit_fixture.ts";

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

const at = (day: number, hour = 0) => new Date(Date.UTC(2026, 10, day, hour));
const rule = (name: string, owner?: string) => ({
  name,
  priority: 10,
  event: owner ? { type: "assign", params: { owner } } : { type: "raise_level" },
});

/** A log with one entry of each shape the service writes; seqs 1–8. */
async function seedVariety(db: Kysely<Database>) {
  const requestId = "req-0042";
  await appendEntries(db, [
    // 1: plain route to YG-MZJ
    logEntry({ created_at: at(1) }),
    // 2: a rule sends it to the fire brigade; the list owner was YG-MZJ
    logEntry({
      created_at: at(2),
      matched_rules: [rule("gas-leak-to-fire-brigade", "YG-XFDD")],
      outcome: { owner: "YG-XFDD", list_owner: "YG-MZJ", fallback: false, priority: "normal" },
      request_id: requestId,
    }),
    // 3: route with an assisting unit (协办), version 2, another upstream
    logEntry({
      created_at: at(3),
      ruleset_version: 2,
      actor: "token:grid-app",
      outcome: {
        owner: "YG-RSJ",
        list_owner: "YG-RSJ",
        assisting: [{ unit: "YG-SFJ", deadlines: {} }],
      },
    }),
    // 4: reroute after YG-RSJ returned it
    logEntry({
      kind: "reroute",
      created_at: at(4),
      ruleset_version: 2,
      actor: "token:unit-rsj",
      facts: { type: "MT-RSJ-001", exclude: ["YG-RSJ"] },
      outcome: { owner: "YG-MZJ", from_owner: "YG-RSJ", returned_unit: "YG-RSJ" },
    }),
    // 5: escalation from YG-MZJ to YG
    logEntry({
      kind: "escalate",
      created_at: at(5),
      ruleset_version: 2,
      actor: "system:escalation",
      request_id: null,
      facts: { type: "MT-MZJ-005", unit: "YG-MZJ" },
      outcome: { owner: "YG", from_unit: "YG-MZJ", to_unit: "YG" },
    }),
    // 6: a raise-level rule, same request as 2
    logEntry({
      created_at: at(6),
      ruleset_version: 2,
      matched_rules: [rule("urgent-public-safety-raised")],
      request_id: requestId,
    }),
    // 7: outranked assign rule in a reroute names YG-GAFJ
    logEntry({
      kind: "reroute",
      created_at: at(7),
      ruleset_version: 2,
      matched_rules: [
        rule("gas-leak-to-fire-brigade", "YG-XFDD"),
        rule("night-to-police", "YG-GAFJ"),
      ],
      facts: { type: "MT-1", exclude: ["YG-WJJ"] },
      outcome: { owner: "YG-XFDD", list_owner: "YG-WJJ" },
    }),
    // 8: manual override
    logEntry({
      kind: "override",
      created_at: at(8),
      ruleset_version: 2,
      actor: "user:dispatcher",
      outcome: { owner: "YG-FL", from_owner: "YG-MZJ" },
    }),
  ]);
}

async function seqs(db: Kysely<Database>, filter: AuditFilter): Promise<number[]> {
  const page = await searchDecisions(db, filter, { limit: 100 });
  return page.entries.map((e) => e.seq);
}

test("every filter finds exactly its entries", async (db) => {
  await seedVariety(db);
  const caseId = (await findDecision(db, 3))!.case_id!;
  assert.deepEqual(await seqs(db, {}), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(await seqs(db, { case_id: caseId }), [3]);
  // unit: owner, list owner, assisting, returned/excluded, escalated from/to, rule owners
  assert.deepEqual(await seqs(db, { unit: "YG-MZJ" }), [1, 2, 4, 5, 6, 8]);
  assert.deepEqual(await seqs(db, { unit: "YG-SFJ" }), [3]);
  assert.deepEqual(await seqs(db, { unit: "YG-RSJ" }), [3, 4]);
  assert.deepEqual(await seqs(db, { unit: "YG" }), [5]);
  assert.deepEqual(await seqs(db, { unit: "YG-GAFJ" }), [7]);
  assert.deepEqual(await seqs(db, { unit: "YG-WJJ" }), [7]);
  assert.deepEqual(await seqs(db, { unit: "YG-XFDD" }), [2, 7]);
  assert.deepEqual(await seqs(db, { unit: "YG-S01-C01" }), []); // a location is not a mention
  assert.deepEqual(await seqs(db, { rule: "gas-leak-to-fire-brigade" }), [2, 7]);
  assert.deepEqual(await seqs(db, { rule: "urgent-public-safety-raised" }), [6]);
  assert.deepEqual(await seqs(db, { rule: "no-such-rule" }), []);
  assert.deepEqual(await seqs(db, { ruleset_version: 1 }), [1, 2]);
  assert.deepEqual(await seqs(db, { kind: "reroute" }), [4, 7]);
  assert.deepEqual(await seqs(db, { kind: "route" }), [1, 2, 3, 6]);
  assert.deepEqual(await seqs(db, { actor: "user:dispatcher" }), [8]);
  assert.deepEqual(await seqs(db, { request_id: "req-0042" }), [2, 6]);
  assert.deepEqual(await seqs(db, { from: at(3), to: at(5) }), [3, 4]);
  assert.deepEqual(await seqs(db, { from: at(7) }), [7, 8]);
  assert.deepEqual(await seqs(db, { to: at(2) }), [1]);
  // Filters combine with AND.
  assert.deepEqual(await seqs(db, { unit: "YG-MZJ", kind: "route", ruleset_version: 2 }), [6]);
  assert.deepEqual(await seqs(db, { rule: "gas-leak-to-fire-brigade", from: at(3) }), [7]);
});

test("keyset pages walk the matches in either order without repeats", async (db) => {
  await seedVariety(db);
  await appendEntries(db, Array.from({ length: 12 }, (_, i) => logEntry({ created_at: at(9, i) })));
  const walk = async (order: "asc" | "desc", filter: AuditFilter) => {
    const seen: number[][] = [];
    let after: number | undefined;
    do {
      const page = await searchDecisions(db, filter, { limit: 3, order, after_seq: after });
      seen.push(page.entries.map((e) => e.seq));
      after = page.next_after_seq ?? undefined;
    } while (after !== undefined);
    return seen;
  };
  assert.deepEqual(await walk("asc", { unit: "YG-MZJ", to: at(9, 2) }), [
    [1, 2, 4],
    [5, 6, 8],
    [9, 10],
  ]);
  assert.deepEqual(await walk("desc", { kind: "reroute" }), [[7, 4]]);
  const all = (await walk("desc", {})).flat();
  assert.deepEqual(all, Array.from({ length: 20 }, (_, i) => 20 - i));
  const exact = await searchDecisions(db, { kind: "route" }, { limit: 16 });
  assert.equal(exact.entries.length, 16);
  assert.equal(exact.next_after_seq, null);
});

test("kind=publish lists rule changes with actor and diff", async (db) => {
  const now = new Date("2026-11-23T02:00:00Z");
  await installInitialRuleset(db, DEMO_RULES_DIR, now);
  const draft = await createDraft(db, { from: "version" }, {
    note: "司法局接手",
    author: "token:policy",
    now,
  });
  assert.ok(draft.ok);
  const edited = await editDraft(db, draft.draft.id, {
    kind: "patch_matter_type",
    code: "MT-MZJ-005",
    changes: { owner: "YG-SFJ" },
  }, { actor: "token:policy", now });
  assert.equal(edited.status, "edited");
  const context = { actor: "token:policy", note: "司法局接手", requestId: "req-p", now };
  const published = await publishDraft(db, draft.draft.id, context);
  assert.equal(published.status, "published");
  const rolledBack = await republishVersion(db, 1, { ...context, actor: "token:chief" });
  assert.equal(rolledBack.status, "republished");

  const page = await searchDecisions(db, { kind: "publish" }, { limit: 10 });
  assert.deepEqual(page.entries.map((e) => [e.actor, e.ruleset_version, e.outcome.rollback]), [
    ["system:install", 1, undefined],
    ["token:policy", 2, false],
    ["token:chief", 1, true],
  ]);
  const diff = page.entries[1].outcome.diff as {
    matter_types: { changed: { key: string; fields: Record<string, unknown> }[] };
  };
  assert.deepEqual(diff.matter_types.changed, [
    { key: "MT-MZJ-005", fields: { owner: { before: "YG-MZJ", after: "YG-SFJ" } } },
  ]);
  assert.deepEqual(await seqs(db, { kind: "publish", actor: "token:chief" }), [3]);
  assert.deepEqual(await seqs(db, { kind: "publish", request_id: "req-p" }), [2, 3]);
});
