import assert from "node:assert/strict";
import { BACKEND } from "../support/test_database.ts";
import { startTestWhistle, type TestWhistle } from "../support/test_whistle.ts";

const NOW = new Date("2026-11-23T02:00:00Z"); // 10:00 Beijing time, a Monday

function aCase(w: TestWhistle, overrides: Record<string, unknown> = {}) {
  const type = w.ruleset.current.document.matter_types[0];
  return {
    source: "hotline-12345",
    external_id: `HL-${crypto.randomUUID()}`,
    type: type.code,
    title: "独居老人无人照看",
    description: "和平社区3号楼独居老人近日无人照看，邻居反映。",
    location: { area_code: "YG-S01", address: "和平社区3号楼" },
    urgency: "normal",
    channel: "hotline",
    reported_at: "2026-11-23T09:30:00+08:00",
    ...overrides,
  };
}

async function countRows(w: TestWhistle) {
  const cases = await w.database.db.selectFrom("cases").select("id").execute();
  const log = await w.database.db.selectFrom("decision_log").select("seq").where(
    "kind",
    "=",
    "route",
  )
    .execute();
  return { cases: cases.length, decisions: log.length };
}

function test(name: string, fn: (w: TestWhistle) => Promise<void>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const w = await startTestWhistle({ clock: () => NOW });
    try {
      await fn(w);
    } finally {
      await w.close();
    }
  });
}

test("POST /api/v1/cases routes a case to the admission-list owner and stores it", async (w) => {
  const body = aCase(w);
  const res = await w.call("POST", "/api/v1/cases", body);
  assert.equal(res.status, 201);
  const json = await res.json();
  const type = w.ruleset.current.matterTypes.get(body.type)!;
  assert.equal(json.owner, type.owner);
  assert.equal(json.decision.owner, type.owner);
  assert.equal(json.state, "assigned");
  assert.equal(json.decision.ruleset.version, 1);
  assert.ok(Date.parse(json.deadlines.accept_by) > NOW.getTime());
  assert.ok(json.decision.reason.zh.length > 0 && json.decision.reason.en.length > 0);
  assert.deepEqual(await countRows(w), { cases: 1, decisions: 1 });

  const got = await w.call("GET", `/api/v1/cases/${json.id}`);
  assert.equal(got.status, 200);
  const stored = await got.json();
  assert.equal(stored.owner, type.owner);
  assert.equal(stored.history.length, 1);
  assert.equal(stored.history[0].kind, "route");
  assert.equal(stored.history[0].ruleset_version, 1);
  assert.equal(stored.history[0].actor, "token:test-hotline");
  assert.equal(stored.history[0].facts.type, body.type);
});

test("posting the same case twice yields one case and the same answer", async (w) => {
  const body = aCase(w);
  const first = await w.call("POST", "/api/v1/cases", body);
  const second = await w.call("POST", "/api/v1/cases", { ...body, title: "a retry" });
  assert.equal(first.status, 201);
  assert.equal(second.status, 200);
  const [a, b] = [await first.json(), await second.json()];
  assert.equal(b.id, a.id);
  assert.deepEqual(b.decision, a.decision);
  assert.equal(b.title, body.title);
  assert.deepEqual(await countRows(w), { cases: 1, decisions: 1 });
});

test("concurrent retries of one case store it once", async (w) => {
  const body = aCase(w);
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => w.call("POST", "/api/v1/cases", body)),
  );
  const statuses = answers.map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, ...Array(18).fill(200), 201].sort());
  const ids = new Set(await Promise.all(answers.map(async (r) => (await r.json()).id)));
  assert.equal(ids.size, 1);
  assert.deepEqual(await countRows(w), { cases: 1, decisions: 1 });
});

test("a bad field is refused with 400 naming it, and nothing is stored", async (w) => {
  const cases: [Record<string, unknown>, string][] = [
    [{ location: { lat: 123 } }, "location.lat"],
    [{ reported_at: "yesterday" }, "reported_at"],
    [{ urgency: "very" }, "urgency"],
    [{ title: 42 }, "title"],
    [{ external_id: "" }, "external_id"],
  ];
  for (const [override, field] of cases) {
    const res = await w.call("POST", "/api/v1/cases", aCase(w, override));
    assert.equal(res.status, 400, field);
    const json = await res.json();
    assert.equal(json.error.code, "invalid_request");
    assert.ok(json.error.details.some((d: { field: string }) => d.field === field), field);
  }
  const missing = aCase(w) as Record<string, unknown>;
  delete missing.source;
  const res = await w.call("POST", "/api/v1/cases", missing);
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error.details[0].field, "source");
  assert.deepEqual(await countRows(w), { cases: 0, decisions: 0 });
});

test("an unknown matter type is refused with 422 naming the type field", async (w) => {
  const res = await w.call("POST", "/api/v1/cases", aCase(w, { type: "MT-NOPE" }));
  assert.equal(res.status, 422);
  const json = await res.json();
  assert.equal(json.error.code, "unknown_matter_type");
  assert.equal(json.error.details[0].field, "type");
  assert.match(json.error.message, /MT-NOPE/);
  assert.deepEqual(await countRows(w), { cases: 0, decisions: 0 });
});

test("malformed JSON, a wrong content type and an oversized body get 4xx in the error shape", async (w) => {
  const malformed = await w.call("POST", "/api/v1/cases", "{not json");
  assert.equal(malformed.status, 400);
  assert.equal((await malformed.json()).error.details[0].field, "body");

  const text = await w.call("POST", "/api/v1/cases", JSON.stringify(aCase(w)), {
    "content-type": "text/plain",
  });
  assert.ok(text.status === 400 || text.status === 415, `status ${text.status}`);
  assert.ok((await text.json()).error.code);

  const huge = await w.call(
    "POST",
    "/api/v1/cases",
    aCase(w, { description: "x".repeat(5_000_000) }),
  );
  assert.equal(huge.status, 413);
  assert.equal((await huge.json()).error.code, "payload_too_large");
  assert.deepEqual(await countRows(w), { cases: 0, decisions: 0 });
});

test("no token, a wrong token: 401; an unknown case: 404", async (w) => {
  const none = await w.app.request("/api/v1/cases", {
    method: "POST",
    body: JSON.stringify(aCase(w)),
    headers: { "content-type": "application/json" },
  });
  assert.equal(none.status, 401);
  assert.equal((await none.json()).error.code, "unauthorized");
  const wrong = await w.call("POST", "/api/v1/cases", aCase(w), {
    authorization: "Bearer wst_nope",
  });
  assert.equal(wrong.status, 401);
  const missing = await w.call("GET", `/api/v1/cases/${crypto.randomUUID()}`);
  assert.equal(missing.status, 404);
  const badId = await w.call("GET", "/api/v1/cases/42");
  assert.equal(badId.status, 400);
  assert.equal((await badId.json()).error.details[0].field, "id");
  assert.deepEqual(await countRows(w), { cases: 0, decisions: 0 });
});

test("POST /api/v1/decide answers the decision and stores nothing", async (w) => {
  const body = aCase(w);
  const res = await w.call("POST", "/api/v1/decide", body);
  assert.equal(res.status, 200);
  const decision = await res.json();
  assert.equal(decision.owner, w.ruleset.current.matterTypes.get(body.type)!.owner);
  assert.equal(decision.ruleset.version, 1);
  assert.deepEqual(await countRows(w), { cases: 0, decisions: 0 });
});

test("the X-Request-Id of a post is recorded with its decision", async (w) => {
  const res = await w.call("POST", "/api/v1/cases", aCase(w), { "x-request-id": "req-abc-123" });
  assert.equal(res.headers.get("x-request-id"), "req-abc-123");
  const row = await w.database.db.selectFrom("decision_log").select("request_id").where(
    "kind",
    "=",
    "route",
  ).executeTakeFirstOrThrow();
  assert.equal(row.request_id, "req-abc-123");
});
