import assert from "node:assert/strict";
import { child, parseXml, textOf } from "../../support/parse_xml.ts";
import type { TestWhistle } from "../../support/test_whistle.ts";
import { get, open311Test, postForm, validFields, WITH_ATTRIBUTES } from "./open311_fixture.ts";

async function caseCount(w: TestWhistle): Promise<number> {
  return (await w.database.db.selectFrom("cases").select("id").execute()).length;
}

async function errorsOf(res: Response): Promise<{ code: number; description: string }[]> {
  const errors = await res.json();
  assert.ok(Array.isArray(errors) && errors.length > 0, JSON.stringify(errors));
  for (const e of errors) assert.equal(e.code, res.status);
  return errors;
}

open311Test(
  "a form-encoded POST is routed like the JSON API and reads back through it",
  async (w) => {
    const res = await postForm(w, validFields(w), { headers: { "x-request-id": "open311-req-1" } });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get("x-request-id"), "open311-req-1");
    const [answer] = await res.json();
    assert.deepEqual(Object.keys(answer), ["service_request_id", "service_notice", "account_id"]);
    assert.equal(answer.account_id, "acct-7");
    assert.match(answer.service_notice, /^已交由云冈区民政局办理，应于 .+前办结$/);

    const got = await w.call("GET", `/api/v1/cases/${answer.service_request_id}`);
    assert.equal(got.status, 200);
    const stored = await got.json();
    assert.equal(stored.type, WITH_ATTRIBUTES);
    assert.equal(stored.source, "test-hotline");
    assert.equal(stored.channel, "open311");
    assert.match(stored.external_id, /^open311-[0-9a-f-]{36}$/);
    assert.equal(stored.title, "平旺东社区3号楼独居老人近日无人照看。");
    assert.equal(stored.location.lat, 40.0903);
    assert.equal(stored.location.lng, 113.1448);
    assert.equal(stored.location.address, "云冈区新平旺街道平旺东社区3号楼");
    assert.equal(stored.owner, "YG-MZJ");
    assert.equal(stored.state, "assigned");
    assert.equal(stored.reported_at, "2026-11-23T02:00:00.000Z");
    // Same path as the JSON API: one route decision, with the actor and the request id.
    assert.equal(stored.history.length, 1);
    assert.equal(stored.history[0].kind, "route");
    assert.equal(stored.history[0].actor, "token:test-hotline");
    assert.equal(stored.history[0].request_id, "open311-req-1");
    assert.equal(stored.history[0].facts.channel, "open311");
    assert.equal(JSON.stringify(stored.history[0]).includes("13800000000"), false);

    const row = await w.database.db.selectFrom("cases")
      .select(["reporter", "attributes", "media_url"])
      .where("id", "=", answer.service_request_id).executeTakeFirstOrThrow();
    assert.deepEqual(row.reporter, {
      first_name: "小明",
      last_name: "王",
      phone: "13800000000",
      email: "citizen@example.cn",
      device_id: "device-42",
      account_id: "acct-7",
    });
    assert.deepEqual(row.attributes, {
      living: "alone",
      age: "81",
      needs: ["meal", "visit"],
      last_seen: "2026-11-21T18:00:00+08:00",
    });
    assert.equal(row.media_url, "https://img.example.cn/cases/1.jpg");
  },
);

open311Test(
  "POST requests.xml answers in XML; a JSON body and a Bearer header work too",
  async (w) => {
    const xml = await postForm(w, validFields(w), { format: "xml" });
    assert.equal(xml.status, 201);
    const root = parseXml(await xml.text());
    assert.equal(root.name, "service_requests");
    const request = child(root, "request");
    assert.match(textOf(request, "service_request_id"), /^[0-9a-f-]{36}$/);
    assert.equal(textOf(request, "account_id"), "acct-7");

    const { api_key: _key, ...fields } = validFields(w);
    const json = await w.app.request("/open311/v2/requests.json?locale=en", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${w.token}` },
      body: JSON.stringify({
        ...fields,
        "attribute[age]": undefined,
        "attribute[living]": undefined,
        "attribute[needs][]": undefined,
        "attribute[last_seen]": undefined,
        lat: 40.1,
        long: 113.2,
        account_id: undefined,
        attribute: { age: 90, living: "with_spouse", needs: ["medical"] },
      }),
    });
    assert.equal(json.status, 201);
    const [answer] = await json.json();
    assert.equal(answer.account_id, null);
    assert.match(answer.service_notice, /^Assigned to Yungang District Civil Affairs Bureau/);
    const row = await w.database.db.selectFrom("cases").select(["attributes", "lat"])
      .where("id", "=", answer.service_request_id).executeTakeFirstOrThrow();
    assert.deepEqual(row.attributes, { living: "with_spouse", age: "90", needs: ["medical"] });
    assert.equal(row.lat, 40.1);

    const multipart = new FormData();
    multipart.set("api_key", w.token);
    multipart.set("service_code", "MT-ZFW-001");
    multipart.set("address_id", "YG-ADDR-0042");
    const res = await w.app.request("/open311/v2/requests.json", {
      method: "POST",
      body: multipart,
    });
    assert.equal(res.status, 201);
  },
);

open311Test("an Idempotency-Key makes a retry answer the same request", async (w) => {
  const headers = { "idempotency-key": "app-report-123" };
  const first = await postForm(w, validFields(w), { headers });
  const second = await postForm(w, validFields(w), { headers });
  assert.equal(first.status, 201);
  assert.equal(second.status, 200);
  const [a] = await first.json();
  const [b] = await second.json();
  assert.equal(b.service_request_id, a.service_request_id);
  assert.equal(await caseCount(w), 1);
  const stored = await (await w.call("GET", `/api/v1/cases/${a.service_request_id}`)).json();
  assert.equal(stored.external_id, "app-report-123");
  // Without a key every POST is a new request (Open311 has no client id of its own).
  await postForm(w, validFields(w));
  assert.equal(await caseCount(w), 2);
});

open311Test("api_key missing, unknown or of the wrong role is a 403 error list", async (w) => {
  const { api_key: _key, ...noKey } = validFields(w);
  const missing = await postForm(w, noKey);
  assert.equal(missing.status, 403);
  assert.match((await errorsOf(missing))[0].description, /api_key was not provided/);

  const unknown = await postForm(w, { ...noKey, api_key: "wst_nope" });
  assert.equal(unknown.status, 403);
  assert.match((await errorsOf(unknown))[0].description, /unknown or revoked/);

  const auditor = await w.newToken("auditor");
  const wrongRole = await postForm(w, { ...noKey, api_key: auditor }, { format: "xml" });
  assert.equal(wrongRole.status, 403);
  const error = child(parseXml(await wrongRole.text()), "error");
  assert.equal(textOf(error, "code"), "403");
  assert.match(textOf(error, "description"), /role auditor/);

  const admin = await w.newToken("admin");
  assert.equal((await postForm(w, { ...noKey, api_key: admin })).status, 201);
  assert.equal(await caseCount(w), 1);
});

open311Test(
  "bad requests are 400 error lists naming the parameter; nothing is stored",
  async (w) => {
    const fields = validFields(w);
    const cases: [Record<string, string | string[] | undefined>, RegExp][] = [
      [{ service_code: undefined }, /service_code was not provided/],
      [{ service_code: "MT-NOPE-1" }, /service_code MT-NOPE-1 is not a service/],
      [
        { lat: undefined, long: undefined, address_string: undefined },
        /a location is required: lat and long, address_string or address_id/,
      ],
      [{ long: undefined, address_string: undefined }, /lat and long go together/],
      [{ lat: "north" }, /lat must be a number from -90 to 90/],
      [{ long: "181" }, /long must be a number from -180 to 180/],
      [{ email: "not-an-email" }, /email is not an email address/],
      [{ media_url: "javascript:alert(1)" }, /media_url must be an http or https URL/],
      [{ description: "长".repeat(4001) }, /description is longer than 4000 characters/],
      [{ "attribute[age]": undefined }, /attribute\[age\] is required: 老人年龄/],
      [{ "attribute[age]": "eighty" }, /attribute\[age\] must be a number, got "eighty"/],
      [{ "attribute[living]": "hotel" }, /attribute\[living\] must be one of alone, with_spouse/],
      [{ "attribute[living]": ["alone", "with_spouse"] }, /attribute\[living\] takes one value/],
      [{ "attribute[needs][]": ["meal", "spa"] }, /attribute\[needs\]: "spa" not among meal/],
      [{ "attribute[last_seen]": "yesterday" }, /attribute\[last_seen\] must be a W3C datetime/],
      [{ "attribute[privacy]": "x" }, /attribute\[privacy\] is information only/],
      [{ "attribute[shoe_size]": "42" }, /attribute\[shoe_size\] is not an attribute of service/],
    ];
    for (const [change, expected] of cases) {
      const body: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries({ ...fields, ...change })) {
        if (v !== undefined) {
          body[k] = v;
        }
      }
      const res = await postForm(w, body);
      assert.equal(res.status, 400, `${JSON.stringify(change)} → ${res.status}`);
      const errors = await errorsOf(res);
      assert.ok(
        errors.some((e) => expected.test(e.description)),
        `${expected} not in ${JSON.stringify(errors)}`,
      );
    }
    // Several problems at once: one error each.
    const many = await postForm(w, { api_key: w.token, service_code: WITH_ATTRIBUTES });
    assert.equal(many.status, 400);
    assert.equal((await errorsOf(many)).length, 3); // location, attribute[age], attribute[living]

    const notForm = await w.app.request("/open311/v2/requests.xml", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "service_code=MT-ZFW-001",
    });
    assert.equal(notForm.status, 400);
    assert.match(
      textOf(child(parseXml(await notForm.text()), "error"), "description"),
      /form-encoded/,
    );
    const badJson = await w.app.request("/open311/v2/requests.json", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ nope",
    });
    assert.equal(badJson.status, 400);
    assert.match((await errorsOf(badJson))[0].description, /not valid JSON/);
    assert.equal(await caseCount(w), 0);
  },
);

open311Test("reading a posted request never shows the reporter", async (w) => {
  const [answer] = await (await postForm(w, validFields(w))).json();
  for (
    const path of [
      `requests/${answer.service_request_id}.json`,
      `requests/${answer.service_request_id}.xml`,
      "requests.json",
      "requests.xml",
    ]
  ) {
    const text = await (await get(w, path)).text();
    assert.ok(text.includes(answer.service_request_id), path);
    for (const personal of ["13800000000", "citizen@example.cn", "device-42", "acct-7", "小明"]) {
      assert.equal(text.includes(personal), false, `${personal} in ${path}`);
    }
  }
});
