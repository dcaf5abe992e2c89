import assert from "node:assert/strict";
import { verifyChain } from "../../src/audit/verify_chain.ts";
import { acceptCase } from "../../src/cases/accept_case.ts";
import { type ActionBatchReport, CaseActionBatcher } from "../../src/cases/case_action_batcher.ts";
import { CaseActionError } from "../../src/cases/case_action_error.ts";
import type { CaseActor } from "../../src/cases/case_actor.ts";
import { closeCase } from "../../src/cases/close_case.ts";
import { resolveCase } from "../../src/cases/resolve_case.ts";
import { returnCase } from "../../src/cases/return_case.ts";
import type { LifecycleDeps } from "../../src/cases/run_case_action.ts";
import { type LifecycleWhistle, startLifecycleWhistle } from "../support/lifecycle_fixture.ts";
import { BACKEND } from "../support/test_database.ts";

const ACTOR: CaseActor = { label: "test:dispatcher", role: "admin", unit: null, requestId: null };
const MIN = 60_000;

function test(name: string, fn: (w: LifecycleWhistle) => Promise<void>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const w = await startLifecycleWhistle();
    try {
      await fn(w);
    } finally {
      await w.close();
    }
  });
}

/** `deps` for actions at `minutes` after the start, through `actions` when given. */
function depsAt(w: LifecycleWhistle, minutes: number, actions?: CaseActionBatcher): LifecycleDeps {
  const now = new Date(w.clock.now.getTime() + minutes * MIN);
  return { db: w.database.db, ruleset: w.ruleset, clock: () => now, actions };
}

/** Accept, then return (even cases) or resolve and close (odd cases). */
async function story(deps: (minutes: number) => LifecycleDeps, ids: string[]) {
  await Promise.all(ids.map((id) => acceptCase(deps(10), id, ACTOR, {})));
  await Promise.all(
    ids.map((id, i) =>
      i % 2 === 0
        ? returnCase(deps(20), id, ACTOR, { reason: "不属于本单位职责" })
        : resolveCase(deps(30), id, ACTOR, { summary: "已处理。" })
    ),
  );
  await Promise.all(
    ids.map((id, i) =>
      i % 2 === 0 ? Promise.resolve() : closeCase(deps(40), id, ACTOR, { satisfaction: "basic" })
    ),
  );
}

/** What the actions left of a case, without ids. */
async function snapshot(w: LifecycleWhistle, id: string) {
  const db = w.database.db;
  const row = await db.selectFrom("cases")
    .select(["state", "owner", "accepted_at", "resolved_at", "closed_at", "satisfaction"])
    .select(["return_count", "accept_by", "resolve_by", "updated_at"])
    .where("id", "=", id).executeTakeFirstOrThrow();
  const assignments = await db.selectFrom("case_assignments")
    .select(["unit", "role", "state", "accepted_at", "resolved_at", "ended_at", "end_reason"])
    .select(["accept_by", "resolve_by", "accept_warn_at", "resolve_warn_at"])
    .where("case_id", "=", id).orderBy("seq").execute();
  const events = await db.selectFrom("case_events").select(["kind", "at", "unit", "note"])
    .where("case_id", "=", id).orderBy("id").execute();
  const timers = await db.selectFrom("case_timers").select(["kind", "due_at"])
    .where("case_id", "=", id).where("fired_at", "is", null).orderBy("due_at").orderBy("kind")
    .execute();
  const decisions = await db.selectFrom("decision_log").select(["kind", "outcome", "reason"])
    .where("case_id", "=", id).orderBy("seq").execute();
  return { row, assignments, events, timers, decisions };
}

test("CaseActionBatcher runs the actions waiting together in one transaction, each as it would run alone", async (w) => {
  const batched: string[] = [];
  const alone: string[] = [];
  for (let i = 0; i < 8; i++) {
    batched.push((await w.postCase("MT-T-CAL")).id as string);
    alone.push((await w.postCase("MT-T-CAL")).id as string);
  }
  const reports: ActionBatchReport[] = [];
  const actions = new CaseActionBatcher(w.database.db, { maxBatch: 5, writers: 1 }, (r) => {
    reports.push(r);
  });
  await story((m) => depsAt(w, m, actions), batched);
  await actions.close();
  await story((m) => depsAt(w, m), alone);

  // 8 accepts, 8 returns or resolutions, 4 closes: in batches of at most 5.
  assert.equal(reports.reduce((n, r) => n + r.size, 0), 20);
  assert.ok(reports.every((r) => r.ok && r.size <= 5), JSON.stringify(reports));
  assert.ok(reports.length <= 6, `${reports.length} transactions`);
  for (let i = 0; i < batched.length; i++) {
    assert.deepEqual(await snapshot(w, batched[i]), await snapshot(w, alone[i]), `case ${i}`);
  }
  const chain = await verifyChain(w.database.db);
  assert.ok(chain.intact, JSON.stringify(chain.broken));
});

test("CaseActionBatcher: a refused action fails alone and changes nothing; the others commit", async (w) => {
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) ids.push((await w.postCase("MT-T-CAL")).id as string);
  await acceptCase(depsAt(w, 5), ids[1], ACTOR, {});
  const before = await snapshot(w, ids[1]);
  const reports: ActionBatchReport[] = [];
  const actions = new CaseActionBatcher(w.database.db, { maxBatch: 10, writers: 2 }, (r) => {
    reports.push(r);
  });
  const missing = crypto.randomUUID();
  const results = await Promise.allSettled(
    [...ids, missing].map((id) => acceptCase(depsAt(w, 10, actions), id, ACTOR, {})),
  );
  await actions.close();

  assert.deepEqual(results.map((r) => r.status), [
    "fulfilled",
    "rejected",
    "fulfilled",
    "fulfilled",
    "rejected",
  ]);
  const refused = (results[1] as PromiseRejectedResult).reason;
  assert.ok(refused instanceof CaseActionError && refused.status === 409, String(refused));
  const unknown = (results[4] as PromiseRejectedResult).reason;
  assert.ok(unknown instanceof CaseActionError && unknown.status === 404, String(unknown));
  assert.deepEqual(await snapshot(w, ids[1]), before);
  for (const id of [ids[0], ids[2], ids[3]]) {
    assert.equal((await snapshot(w, id)).row.state, "accepted");
  }
  // The shared transaction failed, then each action ran in its own.
  assert.ok(reports.some((r) => !r.ok), JSON.stringify(reports));
});
