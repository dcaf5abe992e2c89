import assert from "node:assert/strict";
import { type LifecycleWhistle, startLifecycleWhistle } from "../support/lifecycle_fixture.ts";
import { BACKEND } from "../support/test_database.ts";

const bj = (text: string) => new Date(`${text}+08:00`);
// deno-lint-ignore no-explicit-any
type Json = any;

function test(name: string, fn: (w: LifecycleWhistle) => Promise<void>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const w = await startLifecycleWhistle({ start: bj("2026-11-23T10:00") });
    try {
      await fn(w);
    } finally {
      await w.close();
    }
  });
}

async function post(
  w: LifecycleWhistle,
  token: string,
  path: string,
  body: unknown,
  status: number,
): Promise<Json> {
  const res = await w.as(token, "POST", path, body);
  const json = await res.json();
  assert.equal(res.status, status, JSON.stringify(json));
  return json;
}

test("a case with two assisting units cannot be resolved until both submit, or the lead goes on with a reason", async (w) => {
  const created: Json = await w.postCase("MT-T-JOINT");
  const id = created.id as string;
  const at = (action: string) => `/api/v1/cases/${id}/${action}`;
  const sfj = await w.tokenFor("unit", "YG-SFJ");
  const mzj = await w.tokenFor("unit", "YG-MZJ");
  const rsj = await w.tokenFor("unit", "YG-RSJ");
  assert.deepEqual(created.decision.assisting.map((a: Json) => a.unit), ["YG-MZJ", "YG-RSJ"]);

  let c = await (await w.call("GET", `/api/v1/cases/${id}`)).json();
  assert.equal(c.lead.unit, "YG-SFJ");
  assert.deepEqual(c.assistants.map((a: Json) => [a.unit, a.role, a.state]), [
    ["YG-MZJ", "assist", "assigned"],
    ["YG-RSJ", "assist", "assigned"],
  ]);
  for (const a of c.assistants) {
    assert.ok(Date.parse(a.deadlines.resolve_by) <= Date.parse(c.lead.deadlines.resolve_by));
    assert.equal(a.deadlines.accept_by, bj("2026-11-23T11:00").toISOString());
  }
  // Assisting units read the case they assist; they cannot resolve it.
  assert.equal((await w.as(mzj, "GET", `/api/v1/cases/${id}`)).status, 200);
  await post(w, sfj, at("accept"), {}, 200);
  await post(w, mzj, at("resolve"), { summary: "x" }, 403);
  await post(w, mzj, at("submit"), { summary: "x" }, 409); // not accepted yet
  await post(w, sfj, at("submit"), { summary: "x" }, 403); // the lead has no part to submit
  let refused = await post(w, sfj, at("resolve"), { summary: "已办结" }, 409);
  assert.match(refused.error.message, /YG-MZJ, YG-RSJ have not submitted/);
  assert.ok(refused.error.details.some((d: Json) => d.field === "proceed_without"));

  await post(w, mzj, at("accept"), {}, 200);
  c = await post(w, mzj, at("submit"), { summary: "已出具救助意见" }, 200);
  assert.equal(c.assistants.find((a: Json) => a.unit === "YG-MZJ").state, "submitted");
  await post(w, mzj, at("submit"), { summary: "again" }, 409);
  refused = await post(w, sfj, at("resolve"), { summary: "已办结" }, 409);
  assert.match(refused.error.message, /YG-RSJ has not submitted/);
  // Only units still owing their part can be waived.
  await post(w, sfj, at("resolve"), {
    summary: "已办结",
    proceed_without: [{ unit: "YG-MZJ", reason: "x" }],
  }, 400);
  c = await post(w, sfj, at("resolve"), {
    summary: "已办结",
    proceed_without: [{ unit: "YG-RSJ", reason: "人社局逾期未反馈，主办单位已现场核实" }],
  }, 200);
  assert.equal(c.state, "resolved");
  const waived = c.assignments.find((a: Json) => a.unit === "YG-RSJ");
  assert.deepEqual([waived.state, waived.end_reason], ["ended", "waived"]);
  const override = c.history.at(-1);
  assert.equal(override.kind, "override");
  assert.deepEqual(override.outcome.removed_units, ["YG-RSJ"]);
  assert.match(override.reason.zh, /逾期未反馈/);

  // A second case: both submit, and the lead resolves without waivers; an assisting unit may
  // also return (退单) its part, which takes it off the case (logged).
  const second = (await w.postCase("MT-T-JOINT")).id as string;
  const at2 = (action: string) => `/api/v1/cases/${second}/${action}`;
  for (const token of [sfj, mzj, rsj]) await post(w, token, at2("accept"), {}, 200);
  await post(w, mzj, at2("submit"), { summary: "意见一" }, 200);
  c = await post(w, rsj, at2("return"), { reason: "不涉及劳动保障" }, 200);
  assert.deepEqual(c.assistants.map((a: Json) => a.unit), ["YG-MZJ"]);
  assert.equal(c.owner, "YG-SFJ");
  assert.equal(c.history.at(-1).kind, "reroute");
  assert.deepEqual(c.history.at(-1).outcome.removed_units, ["YG-RSJ"]);
  c = await post(w, sfj, at2("resolve"), { summary: "已办结" }, 200);
  assert.equal(c.state, "resolved");

  // Assisting work is stored apart from lead work.
  const rows = await w.database.db.selectFrom("case_assignments")
    .select(["unit", "role", "state", "submitted_at"]).where("case_id", "=", second)
    .orderBy("seq").execute();
  assert.deepEqual(rows.map((r) => [r.unit, r.role, r.state]), [
    ["YG-SFJ", "lead", "resolved"],
    ["YG-MZJ", "assist", "submitted"],
    ["YG-RSJ", "assist", "ended"],
  ]);
});

test("an approved extension moves the deadline and prevents escalation; a refused one does not", async (w) => {
  const mzj = await w.tokenFor("unit", "YG-MZJ");
  const dispatcher = await w.tokenFor("dispatcher");
  const extended = (await w.postCase("MT-T-CAL")).id as string;
  const refused = (await w.postCase("MT-T-CAL")).id as string;
  for (const id of [extended, refused]) {
    await post(w, mzj, `/api/v1/cases/${id}/accept`, {}, 200);
  }
  // Resolution due 20:00 (PT10H). Ask for 08:00 the next morning.
  const proposed = bj("2026-11-24T08:00").toISOString();
  const ask = (id: string, body: Json, status: number) =>
    post(w, mzj, `/api/v1/cases/${id}/extensions`, body, status);
  await ask(extended, { reason: "x", proposed_due: bj("2026-11-23T19:00").toISOString() }, 400);
  await ask(extended, { reason: "x", proposed_due: bj("2026-12-23T19:00").toISOString() }, 400);
  let c = await ask(extended, { reason: "需等待第三方检测报告", proposed_due: proposed }, 200);
  await ask(extended, { reason: "again", proposed_due: proposed }, 409); // one pending at a time
  const request = c.extensions[0];
  assert.equal(request.status, "pending");
  const decide = (id: string, extId: string, body: Json, status: number, token = dispatcher) =>
    post(w, token, `/api/v1/cases/${id}/extensions/${extId}/decision`, body, status);
  await decide(extended, request.id, { decision: "approve" }, 403, mzj); // units do not decide
  c = await decide(extended, request.id, { decision: "approve", note: "同意" }, 200);
  assert.equal(c.extensions[0].status, "approved");
  assert.equal(c.deadlines.resolve_by, proposed);
  assert.equal(c.deadlines.resolve_by_original, bj("2026-11-23T20:00").toISOString());
  assert.equal(c.deadlines.resolve_by_extended, proposed);
  await decide(extended, request.id, { decision: "refuse" }, 409); // decided already
  // The matter type allows one extension: a second request is refused.
  await ask(extended, { reason: "x", proposed_due: bj("2026-11-24T09:00").toISOString() }, 409);

  c = await ask(refused, { reason: "人手不足", proposed_due: proposed }, 200);
  c = await decide(refused, c.extensions[0].id, { decision: "refuse", note: "不予延期" }, 200);
  assert.equal(c.deadlines.resolve_by, bj("2026-11-23T20:00").toISOString());
  assert.equal(c.deadlines.resolve_by_extended, null);

  w.clock.now = bj("2026-11-23T20:00");
  const report = await w.sweeper.sweepOnce();
  assert.equal(report.escalated, 1);
  const [a, b] = await Promise.all(
    [extended, refused].map(async (id) =>
      await (await w.call("GET", `/api/v1/cases/${id}`)).json()
    ),
  );
  assert.equal(a.owner, "YG-MZJ");
  assert.equal(b.owner, "YG");
  // The extended case is warned again before its new deadline (80 % of 22 h: 03:36), then
  // escalates when that one passes.
  const warnings = async () =>
    (await (await w.call("GET", `/api/v1/cases/${extended}`)).json()).timeline
      .filter((e: Json) => e.kind === "warning");
  assert.equal((await warnings()).length, 0);
  w.clock.now = bj("2026-11-24T03:35");
  await w.sweeper.sweepOnce();
  assert.equal((await warnings()).length, 0);
  w.clock.now = bj("2026-11-24T03:36");
  await w.sweeper.sweepOnce();
  assert.equal((await warnings()).length, 1);
  w.clock.now = bj("2026-11-24T08:00");
  await w.sweeper.sweepOnce();
  assert.equal((await (await w.call("GET", `/api/v1/cases/${extended}`)).json()).owner, "YG");
});

test("extensions: the matter type's policy, shortening, and an assisting unit's cap", async (w) => {
  const mzj = await w.tokenFor("unit", "YG-MZJ");
  const dispatcher = await w.tokenFor("dispatcher");
  const none = (await w.postCase("MT-T-NOEXT")).id as string;
  const res = await post(w, mzj, `/api/v1/cases/${none}/extensions`, {
    reason: "x",
    proposed_due: bj("2026-11-24T08:00").toISOString(),
  }, 409);
  assert.match(res.error.message, /allows no extensions/);

  const joint = (await w.postCase("MT-T-JOINT")).id as string;
  // An assisting unit cannot ask past the lead's deadline (20:00).
  await post(w, mzj, `/api/v1/cases/${joint}/extensions`, {
    reason: "x",
    proposed_due: bj("2026-11-23T21:00").toISOString(),
  }, 400);
  const sfj = await w.tokenFor("unit", "YG-SFJ");
  let c = await post(w, sfj, `/api/v1/cases/${joint}/extensions`, {
    reason: "需要补充调查",
    proposed_due: bj("2026-11-24T20:00").toISOString(),
  }, 200);
  // The type allows at most P1D; shortened to 08:00 the next day.
  await post(w, dispatcher, `/api/v1/cases/${joint}/extensions/${c.extensions[0].id}/decision`, {
    decision: "shorten",
  }, 400);
  c = await post(
    w,
    dispatcher,
    `/api/v1/cases/${joint}/extensions/${c.extensions[0].id}/decision`,
    { decision: "shorten", due: bj("2026-11-24T08:00").toISOString() },
    200,
  );
  assert.equal(c.lead.deadlines.resolve_by, bj("2026-11-24T08:00").toISOString());
  assert.equal(c.extensions[0].granted_due, bj("2026-11-24T08:00").toISOString());
  const timeline = c.timeline.map((e: Json) => e.kind);
  assert.ok(timeline.includes("extension_requested") && timeline.includes("extension_approved"));
});
