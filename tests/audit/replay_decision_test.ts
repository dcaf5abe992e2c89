import assert from "node:assert/strict";
import type { Kysely } from "kysely";
import { CompiledVersionCache } from "../../src/audit/compiled_version_cache.ts";
import type { DecisionEntry } from "../../src/audit/decision_entry.ts";
import { replayDecision } from "../../src/audit/replay_decision.ts";
import type { Database } from "../../src/db/database.ts";
import { compileRuleset } from "../../src/routing/compile_ruleset.ts";
import { decide } from "../../src/routing/decide.ts";
import type { CaseFacts } from "../../src/routing/facts.ts";
import { createDraft } from "../../src/rulesets/create_draft.ts";
import { editDraft } from "../../src/rulesets/edit_draft.ts";
import { installInitialRuleset } from "../../src/rulesets/install_initial_ruleset.ts";
import { publishDraft } from "../../src/rulesets/publish_draft.ts";
import { findActiveVersion } from "../../src/rulesets/ruleset_version_repository.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";
import { DEMO_RULES_DIR } from "../support/test_whistle.ts";
import { appendEntries } from "./audit_fixture.ts";

const NOW = new Date("2026-11-23T02:00:00Z");

function test(name: string, fn: (db: Kysely<Database>) => Promise<void>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const database = await openTestDatabase();
    try {
      await installInitialRuleset(database.db, DEMO_RULES_DIR, NOW);
      await fn(database.db);
    } finally {
      await database.close();
    }
  });
}

const gasLeak: CaseFacts = {
  type: "MT-MZJ-005",
  area_code: "YG-S01-C01",
  urgency: "normal",
  channel: "hotline",
  source: "hotline-12345",
  text: "楼道闻到煤气味\n3号楼楼道里闻到燃气味，疑似燃气泄漏。",
  reported_at: "2026-11-23T01:00:00.000Z",
};

/** The entry intake (or a reroute) logs for a decision of the active version. */
async function routed(
  db: Kysely<Database>,
  facts: CaseFacts,
  options: { kind?: "route" | "reroute"; exclude?: string[]; at?: Date } = {},
): Promise<DecisionEntry> {
  const version = (await findActiveVersion(db))!;
  const ruleset = compileRuleset(version.document, {
    version: version.version,
    hash: version.content_hash,
  });
  const at = options.at ?? NOW;
  const decision = await decide(ruleset, facts, at, { exclude: options.exclude });
  return {
    case_id: crypto.randomUUID(),
    kind: options.kind ?? "route",
    ruleset_version: version.version,
    ruleset_hash: version.content_hash,
    matched_rules: decision.matched_rules,
    facts: options.exclude ? { ...facts, exclude: options.exclude } : { ...facts },
    outcome: {
      owner: decision.owner,
      list_owner: decision.list_owner,
      fallback: decision.fallback,
      priority: decision.priority,
      deadlines: decision.deadlines,
      ...(decision.assisting ? { assisting: decision.assisting } : {}),
    },
    reason: decision.reason,
    actor: "token:test",
    request_id: null,
    created_at: at,
  };
}

test("a logged route replays to the same decision, with the logged time as now", async (db) => {
  const entry = await routed(db, gasLeak, { at: new Date("2026-03-02T03:04:05Z") });
  const [logged] = await appendEntries(db, [entry]);
  const outcome = await replayDecision(db, logged.seq);
  assert.equal(outcome.status, "replayed");
  if (outcome.status !== "replayed") return;
  assert.equal(outcome.same, true, JSON.stringify(outcome.differences));
  assert.deepEqual(outcome.differences, []);
  assert.equal(outcome.now, "2026-03-02T03:04:05.000Z");
  assert.equal(outcome.replayed.owner, entry.outcome.owner);
  assert.deepEqual(outcome.replayed.matched_rules, ["gas-leak-to-fire-brigade"]);
  assert.deepEqual(outcome.ruleset, { version: 1, hash: entry.ruleset_hash });
});

test("a reroute replays with its logged exclusions", async (db) => {
  const first = await routed(db, gasLeak);
  const owner = first.outcome.owner as string;
  const entry = await routed(db, gasLeak, { kind: "reroute", exclude: [owner] });
  assert.notEqual(entry.outcome.owner, owner);
  const [, logged] = await appendEntries(db, [first, entry]);
  const outcome = await replayDecision(db, logged.seq);
  assert.equal(outcome.status, "replayed");
  if (outcome.status !== "replayed") return;
  assert.deepEqual(outcome.exclude, [owner]);
  assert.equal(outcome.same, true, JSON.stringify(outcome.differences));
});

test("an entry that the ruleset would not have produced shows each difference", async (db) => {
  const entry = await routed(db, gasLeak);
  const forged: DecisionEntry = {
    ...entry,
    matched_rules: [],
    outcome: {
      ...entry.outcome,
      owner: "YG-SFJ",
      deadlines: { accept_by: "2026-11-23T09:00:00.000Z", resolve_by: "2026-11-25T02:00:00.000Z" },
    },
    ruleset_hash: "0".repeat(64),
  };
  const [logged] = await appendEntries(db, [forged]);
  const outcome = await replayDecision(db, logged.seq);
  assert.equal(outcome.status, "replayed");
  if (outcome.status !== "replayed") return;
  assert.equal(outcome.same, false);
  assert.deepEqual(outcome.differences.map((d) => d.field), [
    "owner",
    "matched_rules",
    "deadlines.accept_by",
    "ruleset_hash",
  ]);
  assert.deepEqual(outcome.differences[0], {
    field: "owner",
    logged: "YG-SFJ",
    replayed: entry.outcome.owner,
  });
});

test("an old version is replayed as it was, not with the active one", async (db) => {
  const entry = await routed(db, { ...gasLeak, text: "独居老人无人照看" });
  const [logged] = await appendEntries(db, [entry]);
  const draft = await createDraft(db, { from: "version" }, { note: "", author: "t", now: NOW });
  assert.ok(draft.ok);
  await editDraft(db, draft.draft.id, {
    kind: "patch_matter_type",
    code: "MT-MZJ-005",
    changes: { owner: "YG-SFJ" },
  }, { actor: "t", now: NOW });
  const published = await publishDraft(db, draft.draft.id, {
    actor: "t",
    note: "",
    requestId: null,
    now: NOW,
  });
  assert.equal(published.status, "published");
  const outcome = await replayDecision(db, logged.seq);
  assert.equal(outcome.status === "replayed" && outcome.same, true);
  assert.equal(outcome.status === "replayed" && outcome.replayed.owner, "YG-MZJ");
});

test("publishes, escalations and unknown versions are not replayable; unknown seqs not found", async (db) => {
  const publish = await replayDecision(db, 1);
  assert.equal(publish.status, "not_replayable");
  assert.match(publish.status === "not_replayable" ? publish.reason : "", /is a publish/);
  const entry = await routed(db, gasLeak);
  const [escalation, lost, helperLeft] = await appendEntries(db, [
    { ...entry, kind: "escalate", outcome: { owner: "YG", from_unit: "YG-MZJ", to_unit: "YG" } },
    { ...entry, ruleset_version: 99 },
    { ...entry, kind: "reroute", outcome: { owner: "YG-MZJ", removed_units: ["YG-SFJ"] } },
  ]);
  assert.equal((await replayDecision(db, escalation.seq)).status, "not_replayable");
  const missing = await replayDecision(db, lost.seq);
  assert.match(
    missing.status === "not_replayable" ? missing.reason : "",
    /version 99 is not stored/,
  );
  const left = await replayDecision(db, helperLeft.seq);
  assert.match(left.status === "not_replayable" ? left.reason : "", /assisting unit leaving/);
  assert.deepEqual(await replayDecision(db, 12345), { status: "not_found" });
});

test("the compiled-version cache keeps the most recently used versions", async (db) => {
  const cache = new CompiledVersionCache(1);
  const one = await cache.get(db, 1);
  assert.equal(one.status, "compiled");
  assert.equal(cache.size, 1);
  const again = await cache.get(db, 1);
  assert.ok(
    one.status === "compiled" && again.status === "compiled" && one.ruleset === again.ruleset,
  );
  const draft = await createDraft(db, { from: "version" }, { note: "", author: "t", now: NOW });
  assert.ok(draft.ok);
  await editDraft(db, draft.draft.id, {
    kind: "patch_matter_type",
    code: "MT-MZJ-005",
    changes: { owner: "YG-SFJ" },
  }, { actor: "t", now: NOW });
  await publishDraft(db, draft.draft.id, { actor: "t", note: "", requestId: null, now: NOW });
  const two = await cache.get(db, 2);
  assert.ok(two.status === "compiled" && two.ruleset.version === 2);
  assert.equal(cache.size, 1);
  const oneAgain = await cache.get(db, 1);
  assert.ok(oneAgain.status === "compiled" && one.status === "compiled");
  assert.notEqual(oneAgain.ruleset, one.ruleset); // evicted and compiled again
  assert.deepEqual(await cache.get(db, 7), { status: "not_found" });
});
