import assert from "node:assert/strict";
import { jsonb } from "../../src/db/jsonb.ts";
import { tamper } from "../audit/audit_fixture.ts";
import { parseCsv } from "../audit/parse_csv.ts";
import { BACKEND } from "../support/test_database.ts";
import { startTestWhistle, type TestWhistle } from "../support/test_whistle.ts";

const NOW = new Date("2026-11-23T02:00:00Z");

interface Ctx {
  w: TestWhistle;
  auditor: string;
  admin: string;
  /** Case ids posted by `seed`, in order (their route entries are seq 2, 3, 4). */
  cases: string[];
}

function aCase(w: TestWhistle, overrides: Record<string, unknown> = {}) {
  const type = w.ruleset.current.document.matter_types[0];
  return {
    source: "hotline-12345",
    external_id: `HL-${crypto.randomUUID()}`,
    type: type.code,
    title: "独居老人无人照看",
    description: "平旺东社区3号楼独居老人近日无人照看，请回电13812345678。",
    location: { area_code: "YG-S01", address: "平旺东社区3号楼" },
    urgency: "normal",
    channel: "hotline",
    reported_at: "2026-11-23T09:30:00+08:00",
    reporter: { name: "张三", phone: "13912345678" },
    ...overrides,
  };
}

function test(name: string, fn: (ctx: Ctx) => Promise<void>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const w = await startTestWhistle({ clock: () => NOW });
    try {
      const cases: string[] = [];
      for (const overrides of [{}, { title: "楼道闻到煤气味" }, {}]) {
        const res = await w.call("POST", "/api/v1/cases", aCase(w, overrides));
        assert.equal(res.status, 201);
        cases.push((await res.json()).id);
      }
      const ctx = {
        w,
        auditor: await w.newToken("auditor"),
        admin: await w.newToken("admin"),
        cases,
      };
      await fn(ctx);
    } finally {
      await w.close();
    }
  });
}

const as = (token: string) => ({ authorization: `Bearer ${token}` });

test("only auditors and admins read the log", async ({ w, auditor, admin }) => {
  const paths = [
    ["GET", "/api/v1/audit/decisions"],
    ["GET", "/api/v1/audit/decisions/2"],
    ["POST", "/api/v1/audit/decisions/2:replay"],
    ["GET", "/api/v1/audit/decisions.csv"],
    ["GET", "/api/v1/audit/decisions.jsonl"],
    ["GET", "/api/v1/audit/verify"],
  ];
  const intake = w.token;
  const editor = await w.newToken("policy_editor");
  const unit = await w.newToken("unit", "YG-MZJ");
  for (const [method, path] of paths) {
    const anonymous = await w.app.request(path, { method });
    assert.equal(anonymous.status, 401, `${method} ${path}`);
    await anonymous.body?.cancel();
    for (const token of [intake, editor, unit]) {
      const res = await w.call(method, path, undefined, as(token));
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal((await res.json()).error.code, "forbidden");
    }
    for (const token of [auditor, admin]) {
      const res = await w.call(method, path, undefined, as(token));
      assert.equal(res.status, 200, `${method} ${path}`);
      await res.body?.cancel();
    }
  }
});

test("search: filters, keyset pages, masking for auditors and not for admins", async (ctx) => {
  const { w, auditor, admin } = ctx;
  const res = await w.call(
    "GET",
    "/api/v1/audit/decisions?kind=route&limit=2",
    undefined,
    as(auditor),
  );
  assert.equal(res.status, 200);
  const page = await res.json();
  assert.equal(page.masked, true);
  assert.deepEqual(page.entries.map((e: { seq: number }) => e.seq), [2, 3]);
  assert.equal(page.next_after_seq, 3);
  const entry = page.entries[0];
  assert.equal(entry.case_id, ctx.cases[0]);
  assert.equal(entry.ruleset_version, 1);
  assert.equal(entry.actor, "token:test-hotline");
  assert.ok(entry.reason.zh && entry.reason.en);
  assert.match(entry.facts.text, /请回电138\*\*\*\*5678/);
  // The reporter's personal data is stored with the case, never in the log.
  assert.equal(JSON.stringify(page).includes("张三"), false);
  assert.equal(JSON.stringify(page).includes("13912345678"), false);

  const next = await (await w.call(
    "GET",
    `/api/v1/audit/decisions?kind=route&limit=2&after_seq=${page.next_after_seq}`,
    undefined,
    as(auditor),
  )).json();
  assert.deepEqual(next.entries.map((e: { seq: number }) => e.seq), [4]);
  assert.equal(next.next_after_seq, null);

  const unmasked =
    await (await w.call("GET", "/api/v1/audit/decisions?limit=1&after_seq=1", undefined, as(admin)))
      .json();
  assert.equal(unmasked.masked, false);
  assert.match(unmasked.entries[0].facts.text, /请回电13812345678/);

  const q = async (query: string) =>
    (await (await w.call("GET", `/api/v1/audit/decisions?${query}`, undefined, as(auditor))).json())
      .entries.map((e: { seq: number }) => e.seq);
  const owner = w.ruleset.current.document.matter_types[0].owner;
  assert.deepEqual(await q(`unit=${owner}&order=desc`), [4, 3, 2]);
  assert.deepEqual(await q("rule=gas-leak-to-fire-brigade"), [3]);
  assert.deepEqual(await q(`case_id=${ctx.cases[1]}`), [3]);
  assert.deepEqual(await q("kind=publish"), [1]);
  assert.deepEqual(await q("version=1&actor=system:install"), [1]);
  // Everything, the install's publish included, was decided at NOW (10:00 Beijing time).
  assert.deepEqual(
    await q("kind=route&from=2026-11-23T10:00:00%2B08:00&to=2026-11-23T10:00:01%2B08:00"),
    [2, 3, 4],
  );
  assert.deepEqual(await q("to=2026-11-23T10:00:00%2B08:00"), []);

  const one = await w.call("GET", "/api/v1/audit/decisions/3", undefined, as(auditor));
  assert.equal(one.status, 200);
  const got = await one.json();
  assert.equal(got.entry.seq, 3);
  assert.equal(got.masked, true);
  assert.deepEqual(got.entry.matched_rules.map((r: { name: string }) => r.name), [
    "gas-leak-to-fire-brigade",
  ]);
});

test("bad parameters get a 400 naming them; unknown entries a 404", async ({ w, auditor }) => {
  for (
    const [query, field] of [
      ["kind=bogus", "kind"],
      ["limit=0", "limit"],
      ["limit=5000", "limit"],
      ["version=abc", "version"],
      ["case_id=42", "case_id"],
      ["from=yesterday", "from"],
      ["from=2026-11-23T00:00:00Z&to=2026-11-22T00:00:00Z", "from"],
      ["after_seq=-1", "after_seq"],
    ]
  ) {
    const res = await w.call("GET", `/api/v1/audit/decisions?${query}`, undefined, as(auditor));
    assert.equal(res.status, 400, query);
    const body = await res.json();
    assert.equal(body.error.code, "invalid_request");
    assert.equal(body.error.details[0].field, field, query);
  }
  const csv = await w.call("GET", "/api/v1/audit/decisions.csv?kind=bogus", undefined, as(auditor));
  assert.equal(csv.status, 400);
  await csv.body?.cancel();
  const missing = await w.call("GET", "/api/v1/audit/decisions/999", undefined, as(auditor));
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).error.details[0].field, "seq");
  const notNumber = await w.call("GET", "/api/v1/audit/decisions/abc", undefined, as(auditor));
  assert.equal(notNumber.status, 400);
  await notNumber.body?.cancel();
});

test("replay: the same outcome for a route and a real reroute; publishes are not replayable", async (ctx) => {
  const { w, auditor } = ctx;
  const replay = await w.call("POST", "/api/v1/audit/decisions/3:replay", undefined, as(auditor));
  assert.equal(replay.status, 200);
  const body = await replay.json();
  assert.equal(body.same, true, JSON.stringify(body.differences));
  assert.deepEqual(body.differences, []);
  assert.equal(body.now, NOW.toISOString());
  assert.deepEqual(body.logged.matched_rules, ["gas-leak-to-fire-brigade"]);

  const publish = await w.call("POST", "/api/v1/audit/decisions/1:replay", undefined, as(auditor));
  assert.equal(publish.status, 422);
  assert.match((await publish.json()).error.message, /Not replayable: Entry 1 is a publish/);
  const missing = await w.call("POST", "/api/v1/audit/decisions/77:replay", undefined, as(auditor));
  assert.equal(missing.status, 404);
  await missing.body?.cancel();

  // A unit returns a case (退单): the lifecycle logs a reroute, which replays the same.
  const owner = w.ruleset.current.document.matter_types[0].owner;
  const unit = await w.newToken("unit", owner);
  const returned = await w.call("POST", `/api/v1/cases/${ctx.cases[0]}/return`, {
    reason: "不属于本单位职责",
  }, as(unit));
  assert.equal(returned.status, 200, await returned.clone().text());
  await returned.body?.cancel();
  const reroutes =
    await (await w.call("GET", "/api/v1/audit/decisions?kind=reroute", undefined, as(auditor)))
      .json();
  assert.equal(reroutes.entries.length, 1);
  const reroute = await (await w.call(
    "POST",
    `/api/v1/audit/decisions/${reroutes.entries[0].seq}:replay`,
    undefined,
    as(auditor),
  )).json();
  assert.deepEqual(reroute.exclude, [owner]);
  assert.equal(reroute.same, true, JSON.stringify(reroute.differences));
  const byUnit = await (await w.call(
    "GET",
    `/api/v1/audit/decisions?unit=${owner}&kind=reroute`,
    undefined,
    as(auditor),
  )).json();
  assert.equal(byUnit.entries.length, 1);
});

test("exports stream CSV and JSONL with the search filters", async ({ w, auditor, admin }) => {
  const csv = await w.call("GET", "/api/v1/audit/decisions.csv?kind=route", undefined, as(auditor));
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get("content-type")!, /^text\/csv; charset=utf-8/);
  assert.match(
    csv.headers.get("content-disposition")!,
    /^attachment; filename="whistle-decision-log-\d{8}T\d{6}Z\.csv"$/,
  );
  assert.equal(csv.headers.get("x-whistle-masked"), "true");
  const [header, ...rows] = parseCsv(await csv.text());
  assert.equal(header[0], "seq");
  assert.deepEqual(rows.map((r) => r[0]), ["2", "3", "4"]);
  assert.ok(rows.every((r) => !r.join().includes("13812345678")));

  const bom = await w.call("GET", "/api/v1/audit/decisions.csv?bom=true", undefined, as(admin));
  const bytes = await bom.bytes();
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(bom.headers.get("x-whistle-masked"), "false");
  assert.ok(new TextDecoder().decode(bytes).includes("13812345678"));

  const jsonl = await w.call(
    "GET",
    "/api/v1/audit/decisions.jsonl?after_seq=2",
    undefined,
    as(auditor),
  );
  assert.match(jsonl.headers.get("content-type")!, /^application\/x-ndjson/);
  const lines = (await jsonl.text()).trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.seq), [3, 4]);
  assert.match(lines[0].facts.text, /138\*\*\*\*5678/);
});

test("verify: intact, then the edited entry named", async ({ w, auditor }) => {
  const ok = await (await w.call("GET", "/api/v1/audit/verify", undefined, as(auditor))).json();
  assert.equal(ok.intact, true);
  assert.equal(ok.checked, 4);
  assert.equal(ok.complete, true);
  const slice = await (await w.call(
    "GET",
    "/api/v1/audit/verify?after_seq=1&max_rows=2",
    undefined,
    as(auditor),
  )).json();
  assert.deepEqual([slice.first_seq, slice.last_seq, slice.complete, slice.next_after_seq], [
    2,
    3,
    false,
    3,
  ]);

  await tamper(
    w.database.db,
    (trx) =>
      trx.updateTable("decision_log").set({ outcome: jsonb({ owner: "YG-SFJ" }) })
        .where("seq", "=", 3).execute(),
  );
  const broken = await (await w.call("GET", "/api/v1/audit/verify", undefined, as(auditor))).json();
  assert.equal(broken.intact, false);
  assert.equal(broken.broken.seq, 3);
  assert.equal(broken.broken.problem, "hash_mismatch");
});

test("/openapi.json documents the audit routes", async ({ w }) => {
  const doc = await (await w.app.request("/openapi.json")).json();
  for (
    const [method, path] of [
      ["get", "/api/v1/audit/decisions"],
      ["get", "/api/v1/audit/decisions/{seq}"],
      ["post", "/api/v1/audit/decisions/{seq}:replay"],
      ["get", "/api/v1/audit/decisions.csv"],
      ["get", "/api/v1/audit/decisions.jsonl"],
      ["get", "/api/v1/audit/verify"],
    ]
  ) {
    assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
  }
  assert.ok(!Object.keys(doc.paths).some((p) => p.includes("[^/]")));
  const params = doc.paths["/api/v1/audit/decisions"].get.parameters.map((p: { name: string }) =>
    p.name
  );
  for (
    const name of [
      "case_id",
      "unit",
      "rule",
      "version",
      "kind",
      "actor",
      "request_id",
      "from",
      "to",
      "after_seq",
      "limit",
    ]
  ) {
    assert.ok(params.includes(name), name);
  }
});
