import assert from "node:assert/strict";
import type { DatabaseHandle } from "../../src/db/database_handle.ts";
import { createDraft } from "../../src/rulesets/create_draft.ts";
import { editDraft } from "../../src/rulesets/edit_draft.ts";
import { installInitialRuleset } from "../../src/rulesets/install_initial_ruleset.ts";
import { publishDraft } from "../../src/rulesets/publish_draft.ts";
import { republishVersion } from "../../src/rulesets/republish_version.ts";
import { findActiveVersion } from "../../src/rulesets/ruleset_version_repository.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";
import { DEMO_RULES_DIR } from "../support/test_whistle.ts";

const NOW = new Date("2026-11-23T02:00:00Z");
const context = (note: string) => ({ actor: "token:policy", note, requestId: null, now: NOW });

function test(name: string, fn: (database: DatabaseHandle) => Promise<void>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const database = await openTestDatabase();
    try {
      await installInitialRuleset(database.db, DEMO_RULES_DIR, NOW);
      await fn(database);
    } finally {
      await database.close();
    }
  });
}

async function draftWithOwner(database: DatabaseHandle, owner: string): Promise<string> {
  const created = await createDraft(database.db, { from: "version" }, {
    note: owner,
    author: "token:policy",
    now: NOW,
  });
  assert.ok(created.ok);
  const edited = await editDraft(database.db, created.draft.id, {
    kind: "patch_matter_type",
    code: "MT-MZJ-005",
    changes: { owner },
  }, { actor: "token:policy", now: NOW });
  assert.equal(edited.status, "edited");
  return created.draft.id;
}

test("publishes racing each other get distinct versions, one after the other, on one chain", async (database) => {
  const [a, b] = [
    await draftWithOwner(database, "YG-SFJ"),
    await draftWithOwner(database, "YG-FL"),
  ];
  const outcomes = await Promise.all([
    publishDraft(database.db, a, context("a")),
    publishDraft(database.db, b, context("b")),
  ]);
  const versions = outcomes.map((o) => (o.status === "published" ? o.version.version : 0));
  assert.deepEqual([...versions].sort(), [2, 3]);
  const previous = outcomes.map((o) => (o.status === "published" ? o.previous_version : 0));
  assert.deepEqual([...previous].sort(), [1, 2]); // each saw the other's version or version 1
  const active = await findActiveVersion(database.db);
  assert.equal(active?.version, 3);
  const log = await database.db.selectFrom("decision_log").select([
    "seq",
    "prev_hash",
    "hash",
    "ruleset_version",
  ])
    .where("kind", "=", "publish").orderBy("seq").execute();
  assert.deepEqual(log.map((e) => e.ruleset_version), [1, 2, 3]);
  for (let i = 1; i < log.length; i++) assert.equal(log[i].prev_hash, log[i - 1].hash);
});

test("a refused publish changes nothing: no version, no log entry, the draft stays open", async (database) => {
  const draft = await draftWithOwner(database, "YG-NOPE");
  const outcome = await publishDraft(database.db, draft, context("broken"));
  assert.equal(outcome.status, "invalid");
  assert.equal((await findActiveVersion(database.db))?.version, 1);
  const versions = await database.db.selectFrom("ruleset_versions").select("version").execute();
  assert.equal(versions.length, 1);
  const log = await database.db.selectFrom("decision_log").select("seq").execute();
  assert.equal(log.length, 1);
  const row = await database.db.selectFrom("ruleset_drafts").select("status").where(
    "id",
    "=",
    draft,
  )
    .executeTakeFirstOrThrow();
  assert.equal(row.status, "open");
});

test("republishVersion() re-activates a version under its own number and hash", async (database) => {
  const draft = await draftWithOwner(database, "YG-SFJ");
  const published = await publishDraft(database.db, draft, context("v2"));
  assert.equal(published.status, "published");
  const v1 = await database.db.selectFrom("ruleset_versions").select("content_hash")
    .where("version", "=", 1).executeTakeFirstOrThrow();
  const rolled = await republishVersion(database.db, 1, context("back"));
  assert.equal(rolled.status, "republished");
  if (rolled.status !== "republished") return;
  assert.equal(rolled.content_hash, v1.content_hash);
  const active = await findActiveVersion(database.db);
  assert.equal(active?.version, 1);
  assert.equal(active?.content_hash, v1.content_hash);
  const versions = await database.db.selectFrom("ruleset_versions").select("version").execute();
  assert.equal(versions.length, 2); // no new version for a rollback
  assert.equal((await republishVersion(database.db, 1, context("again"))).status, "already_active");
  assert.equal(
    (await republishVersion(database.db, 42, context("none"))).status,
    "version_not_found",
  );
});
