/**
 * The edit → validate → simulate → publish loop through the admin's HTTP routes, as a policy
 * editor would drive it with htmx (fragments) and without JavaScript (form posts + redirects).
 */
import assert from "node:assert/strict";
import { simulationJobs } from "../../../src/rulesets/simulation_jobs.ts";
import { type AdminClient, signedIn } from "../../support/admin_client.ts";
import { BACKEND } from "../../support/test_database.ts";
import { startTestWhistle, type TestWhistle } from "../../support/test_whistle.ts";

const HX = { "hx-request": "true" };
const TYPE = "MT-MZJ-005"; // 民政局 (YG-MZJ) owns it in the demo list

function aCase(id: string) {
  return {
    source: "hotline-12345",
    external_id: id,
    type: TYPE,
    title: "独居老人无人照看",
    description: "平旺东社区3号楼独居老人近日无人照看。",
    location: { area_code: "YG-S01-C01" },
    urgency: "normal",
    channel: "hotline",
    reported_at: new Date().toISOString(),
  };
}

async function newDraft(editor: AdminClient): Promise<string> {
  const res = await editor.post("/admin/drafts", { note: "民政 → 司法" });
  assert.equal(res.status, 303);
  const id = /\/admin\/drafts\/([0-9a-f-]{36})\/matter-types/.exec(
    res.headers.get("location") ?? "",
  )?.[1];
  assert.ok(id);
  return id;
}

function test(name: string, fn: (w: TestWhistle, editor: AdminClient) => Promise<void>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const w = await startTestWhistle();
    try {
      await fn(w, await signedIn(w, "li.editor", "policy_editor"));
    } finally {
      await w.close();
    }
  });
}

test(
  "an editor changes an owner in a draft, sees the error next to the row, fixes it",
  async (_w, editor) => {
    const id = await newDraft(editor);
    const row = `/admin/drafts/${id}/matter-types/${TYPE}`;

    const edit = await editor.get(`${row}/edit`, HX);
    assert.equal(edit.status, 200);
    const form = await edit.text();
    assert.match(form, /<tbody id="mt-MT-MZJ-005"><tr class="editing">/);
    assert.match(form, /name="owner" value="YG-MZJ"/);

    const bad = await editor.post(row, { owner: "YG-NOPE" }, HX);
    assert.equal(bad.status, 200);
    const badRow = await bad.text();
    assert.match(badRow, /<tr class="has-error">/);
    assert.match(badRow, /YG-NOPE/);
    assert.match(badRow, /sev-error/);
    assert.match(badRow, /id="draft-findings-badge" hx-swap-oob="true" class="badge err"/);

    const shape = await editor.post(row, { owner: "YG NOPE" }, HX);
    assert.equal(shape.status, 422, "a code with a space breaks the shape: the edit is refused");
    assert.match(await shape.text(), /class="invalid"/);

    const fixed = await editor.post(row, { owner: "YG-SFJ" }, HX);
    assert.equal(fixed.status, 200);
    const fixedRow = await fixed.text();
    assert.doesNotMatch(fixedRow, /has-error/);
    assert.match(fixedRow, /class="badge ok"/);

    // The same without JavaScript: a plain post answers with a redirect back to the list.
    const plain = await editor.post(row, {
      owner: "YG-SFJ",
      back: `/admin/drafts/${id}/matter-types?q=MZJ`,
    });
    assert.equal(plain.status, 303);
    assert.equal(plain.headers.get("location"), `/admin/drafts/${id}/matter-types?q=MZJ`);
    const page = await (await editor.get(`/admin/drafts/${id}/matter-types?q=${TYPE}`)).text();
    assert.match(page, /司法局/);
  },
);

test(
  "the draft is simulated, published after a diff, and routes the next case",
  async (w, editor) => {
    for (let i = 0; i < 3; i++) {
      assert.equal((await w.call("POST", "/api/v1/cases", aCase(`SIM-${i}`))).status, 201);
    }
    const id = await newDraft(editor);
    await editor.post(`/admin/drafts/${id}/matter-types/${TYPE}`, { owner: "YG-SFJ" }, HX);

    const started = await editor.post(`/admin/drafts/${id}/simulations`, { days: "7" });
    assert.equal(started.status, 303);
    const simulationUrl = started.headers.get("location")!;
    await simulationJobs(w.database.db).idle();
    const panel = await (await editor.get(simulationUrl, HX)).text();
    assert.match(panel, /data-status="succeeded"/);
    assert.doesNotMatch(panel, /hx-trigger="every 500ms"/, "a finished panel stops polling");
    assert.match(panel, /id="sim-moves"/);
    assert.match(panel, /YG-MZJ[\s\S]*YG-SFJ/);

    const confirm = await (await editor.get(`/admin/drafts/${id}/publish`)).text();
    assert.match(confirm, /MT-MZJ-005/);
    assert.match(confirm, /<del>[^<]*YG-MZJ/);
    assert.match(confirm, /<ins>[^<]*YG-SFJ/);
    assert.match(confirm, /name="expected_active_version" value="1"/);

    const published = await editor.post(`/admin/drafts/${id}/publish`, {
      note: "居家养老改由司法局",
      expected_active_version: "1",
    });
    assert.equal(published.status, 303);
    assert.equal(published.headers.get("location"), "/admin/versions");
    assert.equal(w.ruleset.current.version, 2);

    const routed = await w.call("POST", "/api/v1/cases", aCase("AFTER-PUBLISH"));
    assert.equal(routed.status, 201);
    assert.equal((await routed.json()).owner, "YG-SFJ");

    const versions = await (await editor.get("/admin/versions")).text();
    assert.match(versions, /v2/);
    const diff = await (await editor.get("/admin/versions/diff?from=1&to=2")).text();
    assert.match(diff, /YG-SFJ/);

    // A second publish of the same draft is refused; a rollback brings version 1 back.
    const again = await editor.post(`/admin/drafts/${id}/publish`, { note: "" });
    assert.equal(again.status, 409);
    const rollback = await editor.post("/admin/versions/1/rollback", { note: "back" });
    assert.equal(rollback.status, 303);
    assert.equal(w.ruleset.current.version, 1);
  },
);

test("a draft with errors cannot be published, and says why", async (_w, editor) => {
  const id = await newDraft(editor);
  await editor.post(`/admin/drafts/${id}/matter-types/${TYPE}`, { owner: "YG-NOPE" }, HX);
  const confirm = await (await editor.get(`/admin/drafts/${id}/publish`)).text();
  assert.doesNotMatch(confirm, /id="publish-form"/);
  assert.match(confirm, /YG-NOPE/);
  const refused = await editor.post(`/admin/drafts/${id}/publish`, { note: "" });
  assert.equal(refused.status, 409);
});

test("matter types are added, searched, paged and removed", async (_w, editor) => {
  const id = await newDraft(editor);
  const list = `/admin/drafts/${id}/matter-types`;
  const added = await editor.post(list, {
    code: "MT-NEW-001",
    name_zh: "新事项<b>",
    name_en: "New matter",
    category: "public_service",
    owner: "YG-MZJ",
    time_limit_class: "standard",
  });
  assert.equal(added.status, 303);
  const found = await (await editor.get(`${list}?q=MT-NEW`)).text();
  assert.match(found, /新事项&lt;b&gt;/, "user text is escaped");
  assert.doesNotMatch(found, /新事项<b>/);

  const duplicate = await editor.post(list, {
    code: "MT-NEW-001",
    name_zh: "x",
    name_en: "x",
    category: "x",
    owner: "YG-MZJ",
    time_limit_class: "standard",
  }, HX);
  assert.equal(duplicate.status, 422);
  assert.match(await duplicate.text(), /MT-NEW-001/);

  const results = await editor.get(`${list}?category=dispute`, HX);
  const fragment = await results.text();
  assert.match(fragment, /^<div id="mt-results">/);
  assert.doesNotMatch(fragment, /MT-MZJ-005/);

  const removed = await editor.post(`${list}/MT-NEW-001/delete`, {}, HX);
  assert.equal(removed.status, 200);
  assert.doesNotMatch(await (await editor.get(`${list}?q=MT-NEW`)).text(), /MT-NEW-001/);
});

test("an exception rule is written in the form, checked live, and saved", async (_w, editor) => {
  const id = await newDraft(editor);
  const base = `/admin/drafts/${id}/rules`;
  assert.equal((await editor.get(`${base}/new`)).status, 200);
  const rule = {
    mode: "structured",
    original_name: "",
    name: "night-noise",
    priority: "30",
    description: "夜间噪音 Night noise",
    group: "all",
    fact: ["text", "hour"],
    operator: ["containsAnyText", "greaterThanInclusive"],
    value: ["噪音, 扰民", "22"],
    event_type: "assign",
    owner: "YG-GAFJ",
  };
  const unknownOwner = await editor.post(`${base}/check`, { ...rule, owner: "YG-NOPE" }, HX);
  assert.match(await unknownOwner.text(), /YG-NOPE/);
  const ok = await editor.post(`${base}/check`, rule, HX);
  assert.match(await ok.text(), /check-ok/);

  const more = await editor.post(`${base}/editor`, { ...rule, _action: "add_row" }, HX);
  assert.equal((await more.text()).match(/name="fact"/g)?.length, 3);
  const json = await editor.post(`${base}/editor`, { ...rule, _action: "to_json" }, HX);
  assert.match(await json.text(), /&quot;greaterThanInclusive&quot;/);
  const broken = await editor.post(`${base}/check`, { mode: "json", json: '{"name": "x",}' }, HX);
  assert.match(await broken.text(), /JSON/);

  const saved = await editor.post(base, rule);
  assert.equal(saved.status, 303);
  const list = await (await editor.get(base)).text();
  assert.match(list, /night-noise/);
  assert.match(list, /噪音、扰民/);

  const edit = await (await editor.get(`${base}/night-noise/edit`)).text();
  assert.match(edit, /value="噪音, 扰民"/);
});
