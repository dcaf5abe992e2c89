import assert from "node:assert/strict";
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import { type LifecycleWhistle, startLifecycleWhistle } from "../support/lifecycle_fixture.ts";
import { BACKEND } from "../support/test_database.ts";

/** Street lights in the test type go to the street center first (an exception rule). */
function streetLightsToStreet(document: RulesetDocument): RulesetDocument {
  return {
    ...document,
    exception_rules: [...document.exception_rules, {
      name: "street-lights-to-street",
      description: "路灯先由街道处理。 Street lights go to the street center first.",
      priority: 20,
      conditions: {
        all: [
          { fact: "type", operator: "equal", value: "MT-T-CAL" },
          { fact: "text", operator: "containsText", value: "路灯" },
        ],
      },
      event: { type: "assign", params: { owner: "YG-S01" } },
    }],
  };
}

function test(
  name: string,
  fn: (w: LifecycleWhistle) => Promise<void>,
  edit?: (d: RulesetDocument) => RulesetDocument | void,
) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const w = await startLifecycleWhistle({ edit });
    try {
      await fn(w);
    } finally {
      await w.close();
    }
  });
}

async function expectStatus(res: Response, status: number, state?: string) {
  const body = await res.json();
  assert.equal(res.status, status, JSON.stringify(body));
  if (status >= 400) {
    assert.equal(typeof body.error.message, "string");
    if (state) {
      assert.ok(
        body.error.details.some((d: { field: string; message: string }) =>
          d.field === "state" && d.message === `current state: ${state}`
        ),
        JSON.stringify(body.error),
      );
    }
  }
  return body;
}

test(
  "a case goes through accept, return (re-routed), reassign, resolve, close and reopen",
  async (w) => {
    const created = await w.postCase("MT-T-CAL");
    const id = created.id as string;
    const path = (action: string) => `/api/v1/cases/${id}/${action}`;
    assert.equal(created.owner, "YG-S01");
    const street = await w.tokenFor("unit", "YG-S01");
    const mzj = await w.tokenFor("unit", "YG-MZJ");
    const center = await w.tokenFor("unit", "YG-ZZZX");
    const sfj = await w.tokenFor("unit", "YG-SFJ");
    const dispatcher = await w.tokenFor("dispatcher");

    // Refused: resolving an unaccepted case, closing or reopening an open one, others' cases.
    await expectStatus(
      await w.as(street, "POST", path("resolve"), { summary: "done" }),
      409,
      "assigned",
    );
    await expectStatus(
      await w.call("POST", path("close"), { satisfaction: "satisfied" }),
      409,
      "assigned",
    );
    await expectStatus(await w.call("POST", path("reopen"), { reason: "again" }), 409, "assigned");
    await expectStatus(await w.as(mzj, "POST", path("accept"), {}), 403);
    await expectStatus(await w.as(mzj, "GET", `/api/v1/cases/${id}`), 403);
    await expectStatus(
      await w.call("POST", path("reassign"), { unit: "YG-SFJ", reason: "x" }),
      403,
    );
    await expectStatus(await w.as(street, "POST", path("accept"), { unit: "YG-MZJ" }), 403);
    await expectStatus(await w.as(street, "POST", path("return"), {}), 400);

    // The street center accepts, then returns it: routed again without it, to the list owner.
    await expectStatus(await w.as(street, "POST", path("accept"), {}), 200);
    await expectStatus(await w.as(street, "POST", path("accept"), {}), 409, "accepted");
    let c = await expectStatus(
      await w.as(street, "POST", path("return"), { reason: "不属于街道职责" }),
      200,
    );
    assert.equal(c.owner, "YG-MZJ");
    assert.equal(c.state, "assigned");
    assert.equal(c.return_count, 1);
    assert.equal(c.lead.unit, "YG-MZJ");
    const reroute = c.history.at(-1);
    assert.equal(reroute.kind, "reroute");
    assert.deepEqual(reroute.facts.exclude, ["YG-S01"]);
    assert.equal(reroute.outcome.owner, "YG-MZJ");
    assert.match(reroute.reason.zh, /退单（第1次）：不属于街道职责/);
    assert.match(reroute.reason.en, /Routed again by the active ruleset/);

    // MZJ returns too: nobody else is left but the fallback unit (manual dispatch).
    c = await expectStatus(await w.as(mzj, "POST", path("return"), { reason: "非本局事项" }), 200);
    assert.equal(c.owner, "YG-ZZZX");
    assert.deepEqual(c.history.at(-1).facts.exclude, ["YG-S01", "YG-MZJ"]);
    assert.equal(c.history.at(-1).outcome.fallback, true);
    // The fallback unit dispatches by hand: it cannot return, a dispatcher reassigns.
    await expectStatus(
      await w.as(center, "POST", path("return"), { reason: "x" }),
      409,
      "assigned",
    );
    await expectStatus(
      await w.as(dispatcher, "POST", path("reassign"), { unit: "YG-ZZZX", reason: "x" }),
      409,
      "assigned",
    );
    await expectStatus(
      await w.as(dispatcher, "POST", path("reassign"), { unit: "NO-SUCH", reason: "x" }),
      400,
    );
    c = await expectStatus(
      await w.as(dispatcher, "POST", path("reassign"), { unit: "YG-SFJ", reason: "属调解范围" }),
      200,
    );
    assert.equal(c.owner, "YG-SFJ");
    assert.equal(c.history.at(-1).kind, "override");
    assert.equal(c.history.at(-1).outcome.from_owner, "YG-ZZZX");

    // Notes from anyone on the case (and the hotline); resolve; close with feedback; reopen.
    await expectStatus(
      await w.as(sfj, "POST", path("notes"), { text: "已联系居民", public: true }),
      200,
    );
    await expectStatus(await w.as(mzj, "POST", path("notes"), { text: "曾经手" }), 200);
    await expectStatus(await w.as(sfj, "POST", path("accept"), {}), 200);
    c = await expectStatus(await w.as(sfj, "POST", path("resolve"), { summary: "已修复" }), 200);
    assert.equal(c.state, "resolved");
    await expectStatus(await w.as(sfj, "POST", path("accept"), {}), 409, "resolved");
    await expectStatus(await w.as(sfj, "POST", path("return"), { reason: "x" }), 409, "resolved");
    await expectStatus(await w.call("POST", path("reopen"), { reason: "x" }), 409, "resolved");
    await expectStatus(await w.as(sfj, "POST", path("close"), { satisfaction: "basic" }), 403);
    c = await expectStatus(
      await w.call("POST", path("close"), { satisfaction: "unsatisfied", comment: "仍不亮" }),
      200,
    );
    assert.equal(c.state, "closed");
    assert.equal(c.satisfaction, "unsatisfied");
    await expectStatus(await w.as(sfj, "POST", path("resolve"), { summary: "x" }), 409, "closed");
    await expectStatus(
      await w.call("POST", path("close"), { satisfaction: "basic" }),
      409,
      "closed",
    );
    c = await expectStatus(
      await w.call("POST", path("reopen"), { reason: "市民反映仍未修复" }),
      200,
    );
    assert.equal(c.state, "assigned");
    assert.equal(c.owner, "YG-SFJ");
    assert.equal(c.reopen_count, 1);
    assert.equal(c.satisfaction, null);

    // A second round, closed satisfied: that one cannot be reopened.
    await expectStatus(await w.as(sfj, "POST", path("accept"), {}), 200);
    await expectStatus(await w.as(sfj, "POST", path("resolve"), { summary: "已更换灯具" }), 200);
    await expectStatus(await w.call("POST", path("close"), { satisfaction: "satisfied" }), 200);
    await expectStatus(await w.call("POST", path("reopen"), { reason: "x" }), 409, "closed");

    // Everything is on the timeline; owner changes are in the decision log, chained.
    const got = await expectStatus(await w.call("GET", `/api/v1/cases/${id}`), 200);
    assert.deepEqual(got.history.map((d: { kind: string }) => d.kind), [
      "route",
      "reroute",
      "reroute",
      "override",
    ]);
    const kinds = got.timeline.map((e: { kind: string }) => e.kind);
    for (
      const kind of [
        "assigned",
        "accepted",
        "returned",
        "rerouted",
        "reassigned",
        "note",
        "resolved",
        "closed",
        "reopened",
      ]
    ) {
      assert.ok(kinds.includes(kind), `${kind} in ${kinds}`);
    }
    assert.deepEqual(
      got.assignments.map((a: { unit: string; end_reason: string | null; state: string }) => [
        a.unit,
        a.state,
        a.end_reason,
      ]),
      [
        ["YG-S01", "ended", "returned"],
        ["YG-MZJ", "ended", "returned"],
        ["YG-ZZZX", "ended", "reassigned"],
        ["YG-SFJ", "resolved", null],
        ["YG-SFJ", "resolved", null],
      ],
    );
    // The units that were on the case may read it now; the others may not.
    await expectStatus(await w.as(mzj, "GET", `/api/v1/cases/${id}`), 200);
    await expectStatus(
      await w.as(await w.tokenFor("unit", "YG-RSJ"), "GET", `/api/v1/cases/${id}`),
      403,
    );
  },
  streetLightsToStreet,
);

test(
  "return() sends the case to the fallback unit once the ruleset's return limit is reached",
  async (w) => {
    const created = await w.postCase("MT-T-CAL", { title: "小区噪音", description: "夜间施工" });
    const id = created.id as string;
    const mzj = await w.tokenFor("unit", "YG-MZJ");
    const res = await w.as(mzj, "POST", `/api/v1/cases/${id}/return`, { reason: "非本局事项" });
    const c = await expectStatus(res, 200);
    assert.equal(c.owner, "YG-ZZZX");
    assert.match(c.history.at(-1).reason.en, /After 1 returns \(the ruleset allows 1\)/);
    assert.equal(c.history.at(-1).outcome.fallback, true);
  },
  (d) => ({ ...d, lifecycle: { max_returns: 1 } }),
);

test("two transitions on one case at once: the row lock lets exactly one win", async (w) => {
  const created = await w.postCase("MT-T-CAL", { title: "井盖缺失", description: "路口井盖缺失" });
  const id = created.id as string;
  const mzj = await w.tokenFor("unit", "YG-MZJ");
  const results = await Promise.all([
    w.as(mzj, "POST", `/api/v1/cases/${id}/accept`, {}),
    w.as(mzj, "POST", `/api/v1/cases/${id}/return`, { reason: "非本局" }),
    w.as(mzj, "POST", `/api/v1/cases/${id}/accept`, {}),
  ]);
  const statuses = results.map((r) => r.status);
  for (const r of results) await r.body?.cancel();
  // Whatever the order: one accept wins; the other accept then finds it accepted (409) or the
  // case returned (403); the return either wins first or returns the accepted case.
  assert.equal(statuses.filter((s) => s === 200).length >= 1, true, String(statuses));
  const got = await (await w.call("GET", `/api/v1/cases/${id}`)).json();
  const accepted = got.timeline.filter((e: { kind: string }) => e.kind === "accepted").length;
  assert.ok(accepted <= 1, `accepted ${accepted} times`);
});
