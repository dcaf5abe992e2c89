import assert from "node:assert/strict";
import { recordsJson } from "../../src/db/records_json.ts";

const columns = { id: "uuid", at: "timestamptz", due: "timestamptz", data: "jsonb" };

Deno.test("recordsJson() writes the dates of timestamptz columns as ISO text and leaves the rows alone", () => {
  const at = new Date("2026-11-23T02:00:00.123Z");
  const rows = [
    { id: "a", at, due: new Date(at.getTime() + 60_000), data: { n: 1 } },
    { id: "b", at: "2026-11-23T10:00:00+08:00", due: null, data: null },
  ];
  const json = recordsJson({ table: "t", columns, rows });
  assert.deepEqual(JSON.parse(json), [
    { id: "a", at: "2026-11-23T02:00:00.123Z", due: "2026-11-23T02:01:00.123Z", data: { n: 1 } },
    { id: "b", at: "2026-11-23T10:00:00+08:00", due: null, data: null },
  ]);
  // The caller's rows keep their Date objects (intake answers from them after the write).
  assert.ok(rows[0].at instanceof Date);
});

Deno.test("recordsJson() serializes the rows from..to only", () => {
  const rows = [0, 1, 2, 3].map((i) => ({ id: String(i), at: new Date(i * 1000) }));
  const set = { table: "t", columns: { id: "text", at: "timestamptz" }, rows };
  assert.deepEqual(JSON.parse(recordsJson(set, 1, 3)).map((r: { id: string }) => r.id), ["1", "2"]);
  assert.deepEqual(JSON.parse(recordsJson(set, 3, 10)).map((r: { id: string }) => r.id), ["3"]);
  assert.equal(recordsJson(set, 4), "[]");
});
