import assert from "node:assert/strict";
import { BACKEND } from "../support/test_database.ts";
import { startTestWhistle, type TestWhistle } from "../support/test_whistle.ts";

function item(w: TestWhistle, externalId: string, overrides: Record<string, unknown> = {}) {
  return {
    source: "grid-app",
    external_id: externalId,
    type: w.ruleset.current.document.matter_types[1].code,
    title: "楼道堆放杂物",
    channel: "grid_app",
    reported_at: "2026-11-23T10:00:00+08:00",
    ...overrides,
  };
}

Deno.test(`POST /api/v1/cases:batch answers each item in order; one bad item never rejects the good ones (${BACKEND})`, async () => {
  const w = await startTestWhistle({ env: { WHISTLE_BATCH_MAX_ITEMS: "5" } });
  try {
    const first = await w.call("POST", "/api/v1/cases", item(w, "G-0"));
    assert.equal(first.status, 201);
    const res = await w.call("POST", "/api/v1/cases:batch", {
      cases: [
        item(w, "G-1"),
        item(w, "G-2", { location: { lat: 999 } }),
        item(w, "G-0"),
        item(w, "G-3", { type: "MT-NOPE" }),
        item(w, "G-1"),
      ],
    });
    assert.equal(res.status, 200);
    const json = await res.json();
    assert.deepEqual(json.results.map((r: { status: string }) => r.status), [
      "created",
      "error",
      "existing",
      "error",
      "existing",
    ]);
    assert.deepEqual(json.summary, { created: 1, existing: 2, failed: 2 });
    assert.equal(json.results[1].error.details[0].field, "cases[1].location.lat");
    assert.equal(json.results[3].error.details[0].field, "cases[3].type");
    assert.equal(json.results[4].case.id, json.results[0].case.id);
    const stored = await w.database.db.selectFrom("cases").select("external_id").orderBy(
      "external_id",
    ).execute();
    assert.deepEqual(stored.map((r) => r.external_id), ["G-0", "G-1"]);

    const tooMany = await w.call("POST", "/api/v1/cases:batch", {
      cases: Array.from({ length: 6 }, (_, i) => item(w, `T-${i}`)),
    });
    assert.equal(tooMany.status, 400);
    assert.equal((await tooMany.json()).error.details[0].field, "cases");
    const notBatch = await w.call("POST", "/api/v1/cases:batch", [item(w, "X")]);
    assert.equal(notBatch.status, 400);
  } finally {
    await w.close();
  }
});
