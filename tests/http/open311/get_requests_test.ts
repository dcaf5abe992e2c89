import assert from "node:assert/strict";
import { jsonb } from "../../../src/db/jsonb.ts";
import { child, parseXml, textOf } from "../../support/parse_xml.ts";
import type { TestWhistle } from "../../support/test_whistle.ts";
import { get, NOW, open311Test } from "./open311_fixture.ts";

/** Posts a case through the JSON API and returns its id. */
async function postJson(
  w: TestWhistle,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await w.call("POST", "/api/v1/cases", {
    source: "hotline-12345",
    external_id: `HL-${crypto.randomUUID()}`,
    type: "MT-ZFW-001",
    title: "楼上噪音扰民",
    description: "和平社区5号楼楼上深夜装修，多次协商无果。",
    location: {
      area_code: "YG-S01",
      address: "和平社区5号楼 <2单元> & 3层",
      lat: 40.08,
      lng: 113.15,
    },
    urgency: "normal",
    channel: "hotline",
    reported_at: "2026-11-23T09:30:00+08:00",
    reporter: { name: "李四", phone: "13911112222" },
    ...overrides,
  });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()).id;
}

async function setState(w: TestWhistle, id: string, state: string): Promise<void> {
  await w.database.db.updateTable("cases")
    .set({ state, updated_at: new Date(NOW.getTime() + 3_600_000) })
    .where("id", "=", id).execute();
}

async function addNote(w: TestWhistle, id: string, note: string, isPublic: boolean, at: number) {
  await w.database.db.insertInto("case_events").values({
    case_id: id,
    at: new Date(NOW.getTime() + at),
    kind: "note",
    actor: "token:test-unit",
    unit: "YG-ZFW",
    note,
    public: isPublic,
    data: jsonb({}),
  }).execute();
}

async function ids(res: Response): Promise<string[]> {
  assert.equal(res.status, 200);
  return (await res.json()).map((r: { service_request_id: string }) => r.service_request_id).sort();
}

open311Test("a case posted through the JSON API reads back through Open311 by id", async (w) => {
  const id = await postJson(w);
  await addNote(w, id, "已联系双方，约定明日调解", true, 1_000);
  await addNote(w, id, "内部：当事人情绪激动", false, 2_000);

  const res = await get(w, `requests/${id}.json?jurisdiction_id=yg`);
  assert.equal(res.status, 200);
  const [request] = await res.json();
  assert.deepEqual(request, {
    service_request_id: id,
    status: "open",
    status_notes: "已联系双方，约定明日调解",
    service_name: "邻里矛盾纠纷调解",
    service_code: "MT-ZFW-001",
    description: "和平社区5号楼楼上深夜装修，多次协商无果。",
    agency_responsible: request.agency_responsible,
    service_notice: request.service_notice,
    requested_datetime: "2026-11-23T09:30:00+08:00",
    updated_datetime: "2026-11-23T10:00:00+08:00",
    expected_datetime: request.expected_datetime,
    address: "和平社区5号楼 <2单元> & 3层",
    address_id: null,
    zipcode: null,
    lat: 40.08,
    long: 113.15,
    media_url: null,
  });
  const stored = await (await w.call("GET", `/api/v1/cases/${id}`)).json();
  const owner = w.ruleset.current.units.get(stored.owner)!;
  assert.equal(request.agency_responsible, owner.name_zh);
  assert.equal(Date.parse(request.expected_datetime), Date.parse(stored.deadlines.resolve_by));
  assert.match(request.service_notice, new RegExp(owner.name_zh));

  const xml = await get(w, `requests/${id}.xml`);
  assert.match(xml.headers.get("content-type") ?? "", /^text\/xml/);
  const root = parseXml(await xml.text());
  assert.equal(root.name, "service_requests");
  const element = child(root, "request");
  for (const [key, value] of Object.entries(request)) {
    assert.equal(textOf(element, key), value === null ? "" : String(value), key);
  }
  assert.equal(child(element, "address_id").children.length, 0);

  const english = await (await get(w, `requests/${id}.json`, { "accept-language": "en" })).json();
  assert.equal(english[0].service_name, "Neighbour dispute mediation");
  assert.equal(english[0].agency_responsible, owner.name_en);
});

open311Test("resolved and closed cases are closed; every other state is open", async (w) => {
  const states = ["assigned", "accepted", "suspended", "resolved", "closed"];
  const byState = new Map<string, string>();
  for (const state of states) {
    const id = await postJson(w);
    await setState(w, id, state);
    byState.set(state, id);
  }
  const all = await (await get(w, "requests.json")).json();
  for (const r of all) {
    const state = [...byState].find(([, id]) => id === r.service_request_id)![0];
    assert.equal(r.status, state === "resolved" || state === "closed" ? "closed" : "open", state);
  }
  assert.deepEqual(
    await ids(await get(w, "requests.json?status=closed")),
    [byState.get("resolved")!, byState.get("closed")!].sort(),
  );
  assert.deepEqual(
    await ids(await get(w, "requests.json?status=open")),
    ["assigned", "accepted", "suspended"].map((s) => byState.get(s)!).sort(),
  );
  assert.equal((await ids(await get(w, "requests.json?status=open,closed"))).length, 5);
});

open311Test("GET requests filters by ids, service_code and dates, in JSON and XML", async (w) => {
  const a = await postJson(w);
  const b = await postJson(w, { type: "MT-MZJ-005" });
  const old = await postJson(w, { reported_at: "2026-07-01T09:00:00+08:00" });
  const future = await postJson(w, { reported_at: "2026-12-01T09:00:00+08:00" });

  // Default: the last 90 days up to now.
  assert.deepEqual(await ids(await get(w, "requests.json")), [a, b].sort());
  assert.deepEqual(await ids(await get(w, "requests.json?service_code=MT-MZJ-005")), [b]);
  assert.deepEqual(
    await ids(await get(w, "requests.json?service_code=MT-MZJ-005,MT-ZFW-001")),
    [a, b].sort(),
  );
  assert.deepEqual(
    await ids(await get(w, "requests.json?start_date=2026-06-15T00:00:00%2B08:00")),
    [old],
  );
  assert.deepEqual(
    await ids(
      await get(w, "requests.json?start_date=2026-11-23T00:00:00Z&end_date=2026-12-31T00:00:00Z"),
    ),
    [a, b, future].sort(),
  );
  assert.deepEqual(await ids(await get(w, "requests.json?end_date=2026-08-01T00:00:00Z")), [old]);
  // service_request_id overrides every other filter.
  assert.deepEqual(
    await ids(await get(w, `requests.json?service_request_id=${old},${future}&status=closed`)),
    [old, future].sort(),
  );

  const xml = parseXml(await (await get(w, "requests.xml?service_code=MT-MZJ-005")).text());
  assert.equal(xml.name, "service_requests");
  assert.deepEqual(xml.children.map((r) => [r.name, textOf(r, "service_request_id")]), [
    ["request", b],
  ]);
  const empty = parseXml(await (await get(w, "requests.xml?service_code=MT-NONE")).text());
  assert.equal(empty.children.length, 0);
});

open311Test("bad filters are 400 and unknown ids 404, as error lists", async (w) => {
  const id = await postJson(w);
  const bad: [string, RegExp][] = [
    [
      "requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
      /at most 90 days apart/,
    ],
    ["requests.json?start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", /before/],
    ["requests.json?start_date=last%20week", /start_date must be a W3C datetime/],
    ["requests.json?status=pending", /status must be open or closed/],
    ["requests.json?service_request_id=42", /42 is not a service request id/],
  ];
  for (const [path, expected] of bad) {
    const res = await get(w, path);
    assert.equal(res.status, 400, path);
    const [error] = await res.json();
    assert.equal(error.code, 400);
    assert.match(error.description, expected);
  }
  const xml = await get(w, "requests.xml?status=pending");
  assert.equal(xml.status, 400);
  assert.equal(textOf(child(parseXml(await xml.text()), "error"), "code"), "400");

  for (const path of [`requests/${crypto.randomUUID()}.json`, "requests/not-a-case.json"]) {
    const res = await get(w, path);
    assert.equal(res.status, 404, path);
    assert.match((await res.json())[0].description, /was not found/);
  }
  const missingXml = await get(w, `requests/${crypto.randomUUID()}.xml`);
  assert.equal(missingXml.status, 404);
  assert.equal(textOf(child(parseXml(await missingXml.text()), "error"), "code"), "404");

  // tokens/{token}: the id Whistle answered with works as a token.
  const token = await (await get(w, `tokens/${id}.json`)).json();
  assert.deepEqual(token, [{ service_request_id: id, token: id }]);
  const tokenXml = child(parseXml(await (await get(w, `tokens/${id}.xml`)).text()), "request");
  assert.equal(textOf(tokenXml, "service_request_id"), id);
  assert.equal((await get(w, "tokens/unknown-token.json")).status, 404);
});
