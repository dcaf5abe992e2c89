import assert from "node:assert/strict";
import { BACKEND } from "../support/test_database.ts";
import { startTestWhistle, type TestWhistle } from "../support/test_whistle.ts";

const START = new Date("2026-11-23T02:00:00Z"); // 10:00 Beijing time, a Monday
const TYPE = "MT-MZJ-005"; // 民政局 owns it in the demo admission list
const NEW_OWNER = "YG-SFJ";

/** A test with a Whistle whose clock the test moves, and a policy_editor and an auditor. */
interface Ctx {
  w: TestWhistle;
  editor: string;
  auditor: string;
  /** Moves the clock forward. */
  advance(ms: number): void;
  /** A request as the policy editor (or another token). */
  api(method: string, path: string, body?: unknown, token?: string): Promise<Response>;
}

function test(name: string, fn: (ctx: Ctx) => Promise<void>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    let now = START;
    const w = await startTestWhistle({ clock: () => now });
    try {
      const editor = await w.newToken("policy_editor");
      const auditor = await w.newToken("auditor");
      await fn({
        w,
        editor,
        auditor,
        advance(ms) {
          now = new Date(now.getTime() + ms);
        },
        api: (method, path, body, token = editor) =>
          w.call(method, `/api/v1/rulesets${path}`, body, { authorization: `Bearer ${token}` }),
      });
    } finally {
      await w.close();
    }
  });
}

function aCase(overrides: Record<string, unknown> = {}) {
  return {
    source: "hotline-12345",
    external_id: `HL-${crypto.randomUUID()}`,
    type: TYPE,
    title: "独居老人无人照看",
    description: "平旺东社区3号楼独居老人近日无人照看，邻居反映。",
    location: { area_code: "YG-S01-C01" },
    urgency: "normal",
    channel: "hotline",
    reported_at: "2026-11-23T09:30:00+08:00",
    ...overrides,
  };
}

async function postCase(w: TestWhistle, overrides: Record<string, unknown> = {}) {
  const res = await w.call("POST", "/api/v1/cases", aCase(overrides));
  assert.equal(res.status, 201, await res.clone().text());
  return await res.json();
}

async function newDraft(ctx: Ctx, body: Record<string, unknown> = {}) {
  const res = await ctx.api("POST", "/drafts", { note: "test draft", ...body });
  assert.equal(res.status, 201, await res.clone().text());
  return await res.json();
}

async function waitForSimulation(ctx: Ctx, id: string) {
  for (let i = 0; i < 500; i++) {
    const res = await ctx.api("GET", `/simulations/${id}`, undefined, ctx.auditor);
    assert.equal(res.status, 200);
    const simulation = await res.json();
    if (simulation.status === "succeeded" || simulation.status === "failed") return simulation;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the simulation did not finish");
}

async function activeVersion(ctx: Ctx): Promise<number> {
  const res = await ctx.api("GET", "/active", undefined, ctx.auditor);
  assert.equal(res.status, 200);
  return (await res.json()).version;
}

test("publish() makes the next case of the type go to the new owner, and its decision records the new version", async (ctx) => {
  const { w } = ctx;
  const oldOwner = w.ruleset.current.matterTypes.get(TYPE)!.owner;
  assert.notEqual(oldOwner, NEW_OWNER);
  const before = [await postCase(w), await postCase(w), await postCase(w)];
  const other = await postCase(w, {
    type: "MT-ZFW-001",
    title: "邻里纠纷",
    description: "楼上漏水",
  });
  assert.ok(before.every((c) => c.owner === oldOwner && c.decision.ruleset.version === 1));
  ctx.advance(60_000);

  const draft = await newDraft(ctx);
  assert.equal(draft.base_version, 1);
  assert.equal(draft.status, "open");
  assert.equal(draft.author, "token:test-policy_editor");
  const patched = await ctx.api("PATCH", `/drafts/${draft.id}/matter-types/${TYPE}`, {
    owner: NEW_OWNER,
  });
  assert.equal(patched.status, 200, await patched.clone().text());
  const edited = await patched.json();
  assert.equal(edited.revision, 2);
  assert.equal(edited.validation.errors, 0);
  assert.equal(
    edited.document.matter_types.find((m: { code: string }) => m.code === TYPE).owner,
    NEW_OWNER,
  );

  // Not in force before it is published.
  assert.equal((await postCase(w)).owner, oldOwner);
  ctx.advance(60_000);

  const started = await ctx.api("POST", `/drafts/${draft.id}/simulations`, {});
  assert.equal(started.status, 202, await started.clone().text());
  const queued = await started.json();
  assert.equal(started.headers.get("location"), `/api/v1/rulesets/simulations/${queued.id}`);
  const simulation = await waitForSimulation(ctx, queued.id);
  assert.equal(simulation.status, "succeeded", simulation.error);
  assert.equal(simulation.progress.processed, 5);
  assert.equal(simulation.progress.total, 5);
  assert.equal(simulation.progress.percent, 100);
  assert.deepEqual(simulation.result.baseline, { kind: "active", version: 1 });
  assert.equal(simulation.result.cases, 5);
  assert.equal(simulation.result.moved, 4);
  assert.equal(simulation.result.moves.length, 1);
  assert.equal(simulation.result.moves[0].from, oldOwner);
  assert.equal(simulation.result.moves[0].to, NEW_OWNER);
  assert.equal(simulation.result.moves[0].count, 4);
  assert.ok(simulation.result.moves[0].sample_case_ids.includes(before[0].id));
  assert.ok(!simulation.result.moves[0].sample_case_ids.includes(other.id));
  const load = Object.fromEntries(
    simulation.result.load.map((l: { unit: string; net: number }) => [l.unit, l.net]),
  );
  assert.deepEqual(load, { [oldOwner]: -4, [NEW_OWNER]: 4 });
  // Kept with the draft.
  const withSimulation = await (await ctx.api("GET", `/drafts/${draft.id}`, undefined, ctx.auditor))
    .json();
  assert.equal(withSimulation.simulations[0].id, queued.id);
  assert.equal(withSimulation.simulations[0].draft_changed, false);

  const published = await ctx.api("POST", `/drafts/${draft.id}:publish`, {
    note: "MT-MZJ-005 改由司法局承办",
  });
  assert.equal(published.status, 201, await published.clone().text());
  const result = await published.json();
  assert.equal(result.version, 2);
  assert.equal(result.previous_version, 1);
  assert.equal(result.rollback, false);
  assert.deepEqual(result.diff.matter_types.changed, [
    { key: TYPE, fields: { owner: { before: oldOwner, after: NEW_OWNER } } },
  ]);
  assert.equal(result.diff.changes, 1);
  assert.equal(await activeVersion(ctx), 2);

  const after = await postCase(w);
  assert.equal(after.owner, NEW_OWNER);
  assert.equal(after.decision.ruleset.version, 2);
  assert.equal(after.ruleset_version, 2);
  const stored = await (await w.call("GET", `/api/v1/cases/${after.id}`)).json();
  assert.equal(stored.history[0].ruleset_version, 2);

  const entry = await w.database.db.selectFrom("decision_log").selectAll()
    .where("seq", "=", result.decision_seq).executeTakeFirstOrThrow();
  assert.equal(entry.kind, "publish");
  assert.equal(entry.ruleset_version, 2);
  assert.equal(entry.actor, "token:test-policy_editor");
  const outcome = entry.outcome as Record<string, unknown>;
  assert.equal(outcome.previous_version, 1);
  assert.deepEqual(
    (outcome.diff as typeof result.diff).matter_types.changed,
    result.diff.matter_types.changed,
  );

  // A published draft is read-only and cannot be published twice.
  const again = await ctx.api("POST", `/drafts/${draft.id}:publish`, { note: "again" });
  assert.equal(again.status, 409);
  const edit = await ctx.api("PATCH", `/drafts/${draft.id}/matter-types/${TYPE}`, {
    owner: oldOwner,
  });
  assert.equal(edit.status, 409);
});

test("rollback to version 1 restores the old routing and is logged as a rollback", async (ctx) => {
  const { w } = ctx;
  const oldOwner = w.ruleset.current.matterTypes.get(TYPE)!.owner;
  const draft = await newDraft(ctx);
  await ctx.api("PATCH", `/drafts/${draft.id}/matter-types/${TYPE}`, { owner: NEW_OWNER });
  assert.equal((await ctx.api("POST", `/drafts/${draft.id}:publish`, { note: "v2" })).status, 201);
  assert.equal((await postCase(w)).owner, NEW_OWNER);

  const rolled = await ctx.api("POST", "/versions/1:publish", { note: "回滚到第 1 版" });
  assert.equal(rolled.status, 200, await rolled.clone().text());
  const result = await rolled.json();
  assert.equal(result.version, 1);
  assert.equal(result.previous_version, 2);
  assert.equal(result.rollback, true);
  assert.deepEqual(result.diff.matter_types.changed, [
    { key: TYPE, fields: { owner: { before: NEW_OWNER, after: oldOwner } } },
  ]);
  assert.equal(await activeVersion(ctx), 1);

  const after = await postCase(w);
  assert.equal(after.owner, oldOwner);
  assert.equal(after.decision.ruleset.version, 1);

  const versions =
    (await (await ctx.api("GET", "/versions", undefined, ctx.auditor)).json()).versions;
  assert.deepEqual(
    versions.map((v: { version: number; active: boolean }) => [v.version, v.active]),
    [
      [2, false],
      [1, true],
    ],
  );
  const entry = await w.database.db.selectFrom("decision_log").selectAll()
    .where("seq", "=", result.decision_seq).executeTakeFirstOrThrow();
  assert.equal(entry.kind, "publish");
  assert.equal(entry.ruleset_version, 1);
  assert.equal((entry.outcome as { rollback: boolean }).rollback, true);
  assert.match((entry.reason as { en: string }).en, /^Rollback: version 1 is active again/);

  const same = await ctx.api("POST", "/versions/1:publish", { note: "again" });
  assert.equal(same.status, 409);
  assert.equal((await ctx.api("POST", "/versions/9:publish", { note: "x" })).status, 404);
});

test("a draft with a missing owner cannot be published: 409 naming item and field, active unchanged", async (ctx) => {
  const { w } = ctx;
  const draft = await newDraft(ctx);
  const patched = await (await ctx.api("PATCH", `/drafts/${draft.id}/matter-types/${TYPE}`, {
    owner: "YG-NOPE",
  })).json();
  assert.equal(patched.validation.errors, 1);

  const validated = await ctx.api("POST", `/drafts/${draft.id}:validate`);
  assert.equal(validated.status, 200);
  const validation = await validated.json();
  assert.equal(validation.ok, false);
  const [finding] = validation.findings;
  assert.deepEqual([finding.severity, finding.file, finding.item, finding.field], [
    "error",
    "matter_types.json",
    TYPE,
    "owner",
  ]);
  assert.ok(finding.message.zh.length > 0 && finding.message.en.includes("YG-NOPE"));

  const refused = await ctx.api("POST", `/drafts/${draft.id}:publish`, { note: "broken" });
  assert.equal(refused.status, 409);
  const body = await refused.json();
  assert.equal(body.error.code, "conflict");
  assert.equal(body.error.details[0].field, `matter_types["${TYPE}"].owner`);
  assert.match(body.error.details[0].message, /YG-NOPE/);
  assert.equal(body.error.findings[0].item, TYPE);

  // Deleting a unit that owns matter types leaves them without an owner, too.
  const unitGone = await (await ctx.api("DELETE", `/drafts/${draft.id}/units/YG-MZJ`)).json();
  assert.ok(unitGone.validation.errors > 1);

  assert.equal(await activeVersion(ctx), 1);
  const versions = await w.database.db.selectFrom("ruleset_versions").select("version").execute();
  assert.equal(versions.length, 1);
  const publishes = await w.database.db.selectFrom("decision_log").select("seq")
    .where("kind", "=", "publish").execute();
  assert.equal(publishes.length, 1); // only the install of version 1
  assert.equal((await postCase(w)).decision.ruleset.version, 1);
});

test("a malformed rule is refused at the door (400 naming the field) or at publish (409)", async (ctx) => {
  const draft = await newDraft(ctx);
  const broken = await ctx.api("PUT", `/drafts/${draft.id}/exception-rules/night-police`, {
    conditions: { all: "hour > 22" },
    event: { type: "assign", params: { owner: "YG-GAFJ" } },
  });
  assert.equal(broken.status, 400);
  const error = (await broken.json()).error;
  assert.equal(error.code, "invalid_request");
  assert.equal(error.details[0].field, "conditions.all");

  const unknownOperator = await ctx.api("PUT", `/drafts/${draft.id}/exception-rules/night-police`, {
    priority: 60,
    conditions: { all: [{ fact: "hour", operator: "greaterThen", value: 22 }] },
    event: { type: "assign", params: { owner: "YG-GAFJ" } },
  });
  assert.equal(unknownOperator.status, 201);
  const refused = await ctx.api("POST", `/drafts/${draft.id}:publish`, { note: "night rule" });
  assert.equal(refused.status, 409);
  const details = (await refused.json()).error.details;
  assert.equal(details[0].field, 'exception_rules["night-police"].conditions.all[0].operator');
  assert.match(details[0].message, /did you mean "greaterThan"/);
  assert.equal(await activeVersion(ctx), 1);

  const fixed = await ctx.api("PUT", `/drafts/${draft.id}/exception-rules/night-police`, {
    priority: 60,
    conditions: { all: [{ fact: "hour", operator: "greaterThan", value: 22 }] },
    event: { type: "assign", params: { owner: "YG-GAFJ" } },
  });
  assert.equal(fixed.status, 200);
  assert.equal((await fixed.json()).validation.errors, 0);
});

test("rules claiming the same cases for different owners at one priority block publishing; a shadowed rule is a warning", async (ctx) => {
  const draft = await newDraft(ctx);
  const wages = { all: [{ fact: "text", operator: "containsText", value: "欠薪" }] };
  const put = (name: string, body: unknown) =>
    ctx.api("PUT", `/drafts/${draft.id}/exception-rules/${name}`, body);
  assert.equal(
    (await put("wages-to-petitions", {
      priority: 35,
      conditions: wages,
      event: { type: "assign", params: { owner: "YG-XFJ" } },
    })).status,
    201,
  );
  assert.equal(
    (await put("wages-to-justice", {
      priority: 35,
      conditions: {
        all: [{ fact: "text", operator: "containsText", value: "欠薪" }, {
          fact: "urgency",
          operator: "equal",
          value: "urgent",
        }],
      },
      event: { type: "assign", params: { owner: "YG-SFJ" } },
    })).status,
    201,
  );
  const validation = await (await ctx.api("POST", `/drafts/${draft.id}:validate`)).json();
  const conflict = validation.findings.find((f: { item: string }) => f.item === "wages-to-justice");
  assert.equal(conflict.severity, "error");
  assert.equal(conflict.field, "priority");
  assert.match(conflict.message.en, /"wages-to-petitions".*"wages-to-justice"/);
  assert.equal((await ctx.api("POST", `/drafts/${draft.id}:publish`, { note: "x" })).status, 409);

  // Lower priority with the same narrower conditions: never takes effect (warning only).
  await put("wages-to-justice", {
    priority: 20,
    conditions: {
      all: [{ fact: "text", operator: "containsText", value: "欠薪" }, {
        fact: "urgency",
        operator: "equal",
        value: "urgent",
      }],
    },
    event: { type: "assign", params: { owner: "YG-SFJ" } },
  });
  const second = await (await ctx.api("POST", `/drafts/${draft.id}:validate`)).json();
  assert.equal(second.ok, true);
  const shadowed = second.findings.filter((f: { item: string }) => f.item === "wages-to-justice");
  assert.equal(shadowed.length, 1);
  assert.equal(shadowed[0].severity, "warning");
  assert.match(shadowed[0].message.en, /can never take effect: rule "wages-to-petitions"/);
  assert.equal((await ctx.api("POST", `/drafts/${draft.id}:publish`, { note: "ok" })).status, 201);
});

test("drafts are edited item by item: units, matter types, rules, fallback, time-limit classes", async (ctx) => {
  const draft = await newDraft(ctx, { from_version: 1 });
  const path = `/drafts/${draft.id}`;
  const unit = await ctx.api("PUT", `${path}/units/YG-CGJ`, {
    name_zh: "云冈区城管局",
    name_en: "Yungang Urban Management Bureau",
    tier: "department",
    parent: "YG",
  });
  assert.equal(unit.status, 201);
  const type = await ctx.api("PUT", `${path}/matter-types/MT-CGJ-001`, {
    name_zh: "占道经营",
    name_en: "Street vending",
    category: "public_order",
    owner: "YG-CGJ",
    time_limit_class: "quick",
  });
  assert.equal(type.status, 201);
  // The class does not exist yet: an error in the draft, not a refused edit.
  assert.equal((await type.json()).validation.errors, 1);
  const limit = await ctx.api("PUT", `${path}/time-limit-classes/quick`, {
    name_zh: "即办",
    name_en: "Immediate",
    normal: { accept: "PT15M", resolve: "PT1H" },
  });
  assert.equal(limit.status, 201);
  assert.equal((await limit.json()).validation.errors, 0);
  const fallback = await ctx.api("PUT", `${path}/fallback`, { unit: "YG" });
  assert.equal(fallback.status, 200);
  assert.equal((await fallback.json()).document.fallback_unit, "YG");
  assert.equal(
    (await ctx.api("DELETE", `${path}/exception-rules/gas-leak-to-fire-brigade`)).status,
    200,
  );
  assert.equal((await ctx.api("DELETE", `${path}/exception-rules/no-such-rule`)).status, 404);
  assert.equal((await ctx.api("DELETE", `${path}/time-limit-classes/complex`)).status, 200);
  const mismatch = await ctx.api("PUT", `${path}/units/YG-X`, {
    code: "YG-Y",
    name_zh: "甲",
    name_en: "A",
    tier: "department",
    parent: "YG",
  });
  assert.equal(mismatch.status, 400);
  assert.equal((await mismatch.json()).error.details[0].field, "code");
  const badCode = await ctx.api("PUT", `${path}/units/${encodeURIComponent("YG X")}`, {
    name_zh: "甲",
    name_en: "A",
    tier: "department",
    parent: "YG",
  });
  assert.equal(badCode.status, 400);
  assert.equal((await badCode.json()).error.details[0].field, "code");
  // Every field of the ruleset format is editable; an unknown one is refused by name.
  const webhook = await ctx.api("PATCH", `${path}/units/YG-CGJ`, {
    webhook_url: "https://cgj.example.gov.cn/whistle",
  });
  assert.equal(webhook.status, 200, await webhook.clone().text());
  const unknownField = await ctx.api("PATCH", `${path}/units/YG-CGJ`, { colour: "red" });
  assert.equal(unknownField.status, 400);
  assert.equal((await unknownField.json()).error.details[0].field, "colour");
  const unknownPut = await ctx.api("PUT", `${path}/matter-types/MT-CGJ-001`, {
    name_zh: "占道经营",
    name_en: "Street vending",
    category: "public_order",
    owner: "YG-CGJ",
    time_limit_class: "quick",
    ownr: "YG",
  });
  assert.equal(unknownPut.status, 400);
  assert.equal((await unknownPut.json()).error.details[0].field, "ownr");
  const badTier = await ctx.api("PATCH", `${path}/units/YG-CGJ`, { tier: "ministry" });
  assert.equal(badTier.status, 400);
  assert.equal((await badTier.json()).error.details[0].field, "tier");

  const view = await (await ctx.api("GET", path, undefined, ctx.auditor)).json();
  assert.equal(view.revision, 8);
  // complex is still used by matter types: removing it is an error the draft now shows.
  assert.ok(
    view.validation.findings.some((f: { field: string }) => f.field === "time_limit_class"),
  );
  const diff = await (await ctx.api("GET", `${path}/diff`, undefined, ctx.auditor)).json();
  assert.equal(diff.from, 1);
  assert.deepEqual(diff.diff.units.added, ["YG-CGJ"]);
  assert.deepEqual(diff.diff.matter_types.added, ["MT-CGJ-001"]);
  assert.deepEqual(diff.diff.exception_rules.removed, ["gas-leak-to-fire-brigade"]);
  assert.deepEqual(diff.diff.time_limit_classes, {
    added: ["quick"],
    removed: ["complex"],
    changed: [],
  });
  assert.deepEqual(diff.diff.fallback_unit, { before: "YG-ZZZX", after: "YG" });

  const listed = await (await ctx.api("GET", "/drafts?status=open", undefined, ctx.auditor)).json();
  assert.deepEqual(listed.drafts.map((d: { id: string }) => d.id), [draft.id]);
  assert.equal((await ctx.api("DELETE", path)).status, 204);
  assert.equal((await ctx.api("GET", path, undefined, ctx.auditor)).status, 404);
});

test("a draft from a posted document, identical to the active version, has nothing to publish", async (ctx) => {
  const active = await (await ctx.api("GET", "/active", undefined, ctx.auditor)).json();
  const draft = await newDraft(ctx, { document: active.document });
  assert.equal(draft.base_version, null);
  const same = await ctx.api("POST", `/drafts/${draft.id}:publish`, { note: "same" });
  assert.equal(same.status, 409);
  assert.match((await same.json()).error.message, /identical to the active version 1/);

  const bad = await ctx.api("POST", "/drafts", { document: { ...active.document, units: "x" } });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.details[0].field, "document.units");
  const missing = await ctx.api("POST", "/drafts", { from_version: 7 });
  assert.equal(missing.status, 400);
  assert.equal((await missing.json()).error.details[0].field, "from_version");
});

test("publishing over a version someone else published meanwhile is refused with expected_active_version", async (ctx) => {
  const first = await newDraft(ctx);
  const second = await newDraft(ctx);
  await ctx.api("PATCH", `/drafts/${first.id}/matter-types/${TYPE}`, { owner: NEW_OWNER });
  await ctx.api("PATCH", `/drafts/${second.id}/matter-types/${TYPE}`, { owner: "YG-FL" });
  assert.equal(
    (await ctx.api("POST", `/drafts/${first.id}:publish`, {
      note: "first",
      expected_active_version: 1,
    })).status,
    201,
  );
  const stale = await ctx.api("POST", `/drafts/${second.id}:publish`, {
    note: "second",
    expected_active_version: 1,
  });
  assert.equal(stale.status, 409);
  assert.equal((await stale.json()).error.details[0].field, "expected_active_version");
  const diff = await (await ctx.api("GET", "/versions/1/diff/2", undefined, ctx.auditor)).json();
  assert.equal(diff.diff.changes, 1);
  assert.equal((await ctx.api("GET", "/versions/1/diff/5", undefined, ctx.auditor)).status, 404);
});

test("roles: intake tokens get 403; auditors read but do not edit; policy editors do both", async (ctx) => {
  const { w } = ctx;
  const intake = w.token;
  for (const path of ["/versions", "/active", "/drafts"]) {
    const res = await ctx.api("GET", path, undefined, intake);
    assert.equal(res.status, 403, path);
    assert.equal((await res.json()).error.code, "forbidden");
  }
  assert.equal((await ctx.api("POST", "/drafts", {}, intake)).status, 403);
  assert.equal((await ctx.api("POST", "/drafts", {}, ctx.auditor)).status, 403);
  assert.equal(
    (await ctx.api("POST", "/versions/1:publish", { note: "x" }, ctx.auditor)).status,
    403,
  );
  assert.equal((await ctx.api("GET", "/versions", undefined, ctx.auditor)).status, 200);
  assert.equal((await ctx.api("GET", "/versions/1", undefined, ctx.editor)).status, 200);
  const admin = await w.newToken("admin");
  assert.equal((await ctx.api("POST", "/drafts", {}, admin)).status, 201);
  const none = await w.app.request("/api/v1/rulesets/versions");
  assert.equal(none.status, 401);
});

test("bad parameters are 400s naming the field; unknown ids are 404s", async (ctx) => {
  const badId = await ctx.api("GET", "/drafts/not-a-uuid", undefined, ctx.auditor);
  assert.equal(badId.status, 400);
  assert.equal((await badId.json()).error.details[0].field, "id");
  const badAction = await ctx.api("POST", "/drafts/not-a-uuid:validate");
  assert.equal(badAction.status, 400);
  assert.equal((await badAction.json()).error.details[0].field, "id");
  const unknown = crypto.randomUUID();
  assert.equal((await ctx.api("GET", `/drafts/${unknown}`, undefined, ctx.auditor)).status, 404);
  assert.equal((await ctx.api("POST", `/drafts/${unknown}:publish`, { note: "x" })).status, 404);
  assert.equal((await ctx.api("POST", `/drafts/${unknown}/simulations`, {})).status, 404);
  assert.equal(
    (await ctx.api("GET", `/simulations/${unknown}`, undefined, ctx.auditor)).status,
    404,
  );
  assert.equal((await ctx.api("GET", "/versions/0", undefined, ctx.auditor)).status, 400);
  const noNote = await ctx.api("POST", `/drafts/${unknown}:publish`, {});
  assert.equal(noNote.status, 400);
  assert.equal((await noNote.json()).error.details[0].field, "note");
  const draft = await newDraft(ctx);
  const period = await ctx.api("POST", `/drafts/${draft.id}/simulations`, {
    from: "2026-11-23T00:00:00Z",
    to: "2026-11-22T00:00:00Z",
  });
  assert.equal(period.status, 400);
  assert.equal((await period.json()).error.details[0].field, "from");
});

test("/openapi.json documents the ruleset routes, custom methods included", async (ctx) => {
  const doc = await (await ctx.w.app.request("/openapi.json")).json();
  for (
    const [path, method] of [
      ["/api/v1/rulesets/versions", "get"],
      ["/api/v1/rulesets/versions/{version}", "get"],
      ["/api/v1/rulesets/versions/{version}:publish", "post"],
      ["/api/v1/rulesets/versions/{from}/diff/{to}", "get"],
      ["/api/v1/rulesets/active", "get"],
      ["/api/v1/rulesets/drafts", "post"],
      ["/api/v1/rulesets/drafts/{id}", "get"],
      ["/api/v1/rulesets/drafts/{id}:validate", "post"],
      ["/api/v1/rulesets/drafts/{id}:publish", "post"],
      ["/api/v1/rulesets/drafts/{id}/matter-types/{code}", "patch"],
      ["/api/v1/rulesets/drafts/{id}/exception-rules/{name}", "put"],
      ["/api/v1/rulesets/drafts/{id}/fallback", "put"],
      ["/api/v1/rulesets/drafts/{id}/time-limit-classes/{name}", "delete"],
      ["/api/v1/rulesets/drafts/{id}/simulations", "post"],
      ["/api/v1/rulesets/simulations/{id}", "get"],
    ]
  ) {
    assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
  }
  assert.ok(doc.components.schemas.RulesetDraft);
  assert.ok(doc.components.schemas.SimulationResult);
});
