import assert from "node:assert/strict";
import { sql } from "kysely";
import type { DatabaseHandle } from "../../src/db/database_handle.ts";
import type { SimulationBaseline } from "../../src/db/tables/simulation_table.ts";
import { createDraft } from "../../src/rulesets/create_draft.ts";
import { editDraft } from "../../src/rulesets/edit_draft.ts";
import { installInitialRuleset } from "../../src/rulesets/install_initial_ruleset.ts";
import { runSimulation } from "../../src/rulesets/run_simulation.ts";
import {
  failAbandonedSimulations,
  findSimulation,
  insertSimulation,
} from "../../src/rulesets/simulation_repository.ts";
import { insertCases } from "../support/seed_cases.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";
import { DEMO_RULES_DIR } from "../support/test_whistle.ts";

const NOW = new Date("2026-11-23T02:00:00Z");
const FROM = new Date("2026-11-01T00:00:00Z");
const TYPE = "MT-MZJ-005";

function test(name: string, fn: (database: DatabaseHandle, draftId: string) => Promise<void>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const database = await openTestDatabase();
    try {
      await installInitialRuleset(database.db, DEMO_RULES_DIR, NOW);
      const created = await createDraft(database.db, { from: "version" }, {
        note: "simulated",
        author: "test",
        now: NOW,
      });
      assert.ok(created.ok);
      const edited = await editDraft(database.db, created.draft.id, {
        kind: "patch_matter_type",
        code: TYPE,
        changes: { owner: "YG-SFJ" },
      }, { actor: "test", now: NOW });
      assert.equal(edited.status, "edited");
      await fn(database, created.draft.id);
    } finally {
      await database.close();
    }
  });
}

async function queue(
  database: DatabaseHandle,
  draftId: string,
  baseline: SimulationBaseline = "active",
): Promise<string> {
  const id = crypto.randomUUID();
  await insertSimulation(database.db, {
    id,
    draft_id: draftId,
    draft_hash: "",
    baseline,
    baseline_version: null,
    period_from: FROM,
    period_to: NOW,
    status: "queued",
    processed: 0,
    total: 0,
    result: null,
    error: null,
    created_by: "test",
    created_at: new Date(),
    started_at: null,
    finished_at: null,
    updated_at: new Date(),
  });
  return id;
}

test(
  "runSimulation() replays every case of the period once, across pages of equal timestamps",
  async (database, draftId) => {
    const tie = new Date("2026-11-20T00:00:00Z");
    const moving = await insertCases(
      database.db,
      Array.from({ length: 9 }, () => ({ type: TYPE, received_at: tie, owner: "YG-MZJ" })),
    );
    const staying = await insertCases(
      database.db,
      Array.from({ length: 8 }, (_, i) => ({
        type: "MT-ZFW-001",
        title: "邻里纠纷",
        received_at: new Date(tie.getTime() + (i % 3) * 1000),
        owner: "YG-ZFW",
      })),
    );
    // Microseconds a JavaScript Date cannot hold: the keyset cursor must not lose them.
    await sql`update cases set received_at = received_at + interval '0.000417 seconds'
    where id in (${sql.join(staying.slice(0, 4))})`.execute(database.db);
    // Outside the period: before it, and at its (exclusive) end.
    await insertCases(database.db, [
      { type: TYPE, received_at: new Date(FROM.getTime() - 1), owner: "YG-MZJ" },
      { type: TYPE, received_at: NOW, owner: "YG-MZJ" },
    ]);

    const id = await queue(database, draftId);
    const progress: [number, number][] = [];
    await runSimulation(database.db, id, {
      pageSize: 4,
      onProgress: (done, total) => progress.push([done, total]),
    });
    const simulation = (await findSimulation(database.db, id))!;
    assert.equal(simulation.status, "succeeded", simulation.error ?? "");
    assert.equal(simulation.processed, 17);
    assert.equal(simulation.total, 17);
    assert.deepEqual(progress.map(([done]) => done), [4, 8, 12, 16, 17]);
    assert.ok(progress.every(([, total]) => total === 17));
    const result = simulation.result!;
    assert.equal(result.cases, 17);
    assert.equal(result.moved, 9);
    assert.equal(result.unchanged, 8);
    assert.deepEqual(result.moves.map((m) => [m.from, m.to, m.count]), [["YG-MZJ", "YG-SFJ", 9]]);
    assert.equal(result.moves[0].sample_case_ids.length, 5);
    assert.ok(result.moves[0].sample_case_ids.every((caseId) => moving.includes(caseId)));
    assert.deepEqual(result.load.map((l) => [l.unit, l.before, l.after, l.net]), [
      ["YG-MZJ", 9, 0, -9],
      ["YG-SFJ", 0, 9, 9],
    ]);
    assert.deepEqual(result.baseline, { kind: "active", version: 1 });
    assert.equal(simulation.baseline_version, 1);
    assert.equal(result.draft_errors, 0);
    assert.ok(simulation.started_at && simulation.finished_at);
  },
);

test(
  "runSimulation() with the stored baseline compares with each case's current owner",
  async (database, draftId) => {
    const at = new Date("2026-11-10T00:00:00Z");
    await insertCases(database.db, [
      { type: TYPE, received_at: at, owner: "YG-MZJ" },
      // Escalated since it was routed: the stored owner is the district.
      { type: "MT-ZFW-001", title: "邻里纠纷", received_at: at, owner: "YG" },
    ]);
    const id = await queue(database, draftId, "stored");
    await runSimulation(database.db, id);
    const { result } = (await findSimulation(database.db, id))!;
    assert.deepEqual(result!.baseline, { kind: "stored" });
    assert.deepEqual(result!.moves.map((m) => [m.from, m.to, m.count]), [
      ["YG", "YG-ZFW", 1],
      ["YG-MZJ", "YG-SFJ", 1],
    ]);
  },
);

test(
  "an aborted or abandoned simulation ends as failed with the reason",
  async (database, draftId) => {
    await insertCases(
      database.db,
      Array.from(
        { length: 5 },
        () => ({ type: TYPE, received_at: new Date("2026-11-10T00:00:00Z"), owner: "YG-MZJ" }),
      ),
    );
    const controller = new AbortController();
    const id = await queue(database, draftId);
    await runSimulation(database.db, id, {
      pageSize: 2,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    const stopped = (await findSimulation(database.db, id))!;
    assert.equal(stopped.status, "failed");
    assert.equal(stopped.processed, 2);
    assert.match(stopped.error!, /^stopped: the service shut down/);

    const abandoned = await queue(database, draftId);
    const later = new Date(Date.now() + 10 * 60_000);
    assert.equal(
      await failAbandonedSimulations(database.db, new Date(later.getTime() - 60_000), later),
      1,
    );
    const row = (await findSimulation(database.db, abandoned))!;
    assert.equal(row.status, "failed");
    assert.match(row.error!, /^abandoned/);
  },
);
