import assert from "node:assert/strict";
import fc from "fast-check";
import { BACKEND } from "../support/test_database.ts";
import { startTestWhistle, type TestWhistle } from "../support/test_whistle.ts";

/** Runs per endpoint; 2 endpoints × RUNS ≥ 10,000 generated bad payloads. */
const RUNS = Number(Deno.env.get("WHISTLE_FUZZ_RUNS") ?? 5_000);
const MAX_BODY = 64 * 1024;

const REQUIRED = ["source", "external_id", "type", "title", "channel", "reported_at"] as const;

function validCase(w: TestWhistle): Record<string, unknown> {
  return {
    source: "fuzz",
    external_id: "F-1",
    type: w.ruleset.current.document.matter_types[0].code,
    title: "占道经营",
    description: "",
    location: { area_code: "YG-S01", lat: 40.1, lng: 113.1 },
    urgency: "normal",
    channel: "hotline",
    reported_at: "2026-11-23T09:30:00+08:00",
  };
}

const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

function nest(depth: number): unknown {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** A request that must be refused: [body text, content type, what was broken]. */
type BadRequest = { body: string; contentType: string | null; what: string };

function badRequests(w: TestWhistle): fc.Arbitrary<BadRequest> {
  const base = validCase(w);
  const json = (v: unknown, what: string): BadRequest => ({
    body: JSON.stringify(v),
    contentType: "application/json",
    what,
  });
  return fc.oneof(
    fc.constantFrom(...REQUIRED).map((f) => {
      const v = { ...base };
      delete v[f];
      return json(v, `missing ${f}`);
    }),
    fc.tuple(fc.constantFrom(...REQUIRED, "urgency", "description", "location"), wrongValue)
      .filter(([f, v]) =>
        !(f === "location" && v !== null && typeof v === "object" && !Array.isArray(v))
      )
      .map(([f, v]) => json({ ...base, [f]: v }, `wrong type for ${f}`)),
    fc.constantFrom("title", "source", "external_id", "type", "channel", "description").chain((f) =>
      fc.integer({ min: 5_001, max: 20_000 }).map((n) =>
        json({ ...base, [f]: "长".repeat(n) }, `huge ${f}`)
      )
    ),
    fc.integer({ min: 50, max: 5_000 }).map((d) =>
      json({ ...base, title: nest(d) }, "deep nesting")
    ),
    fc.integer({ min: 50, max: 5_000 }).map((d) => json(nest(d), "deeply nested body")),
    fc.oneof(
      fc.string({ maxLength: 30 }).filter((s) => Number.isNaN(Date.parse(s)) || !/T/.test(s)),
      fc.constantFrom("2026-13-01T00:00:00Z", "2026-02-30T10:00:00", "yesterday", "", "2026-11-23"),
    ).map((d) => json({ ...base, reported_at: d }, "bad date")),
    fc.oneof(
      fc.double({ min: 90.0001, max: 1e9, noNaN: true }).map((lat) => ({ lat })),
      fc.double({ min: -1e9, max: -180.0001, noNaN: true }).map((lng) => ({ lng })),
    ).map((loc) => json({ ...base, location: { ...loc } }, "coordinates out of range")),
    fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "text/xml", null).map((
      ct,
    ) => ({
      body: JSON.stringify(base),
      contentType: ct,
      what: `content type ${ct}`,
    })),
    fc.string({ maxLength: 200 }).filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    }).map((s) => ({ body: s, contentType: "application/json", what: "invalid JSON" })),
    fc.integer({ min: MAX_BODY + 1, max: MAX_BODY * 4 }).map((n) => ({
      body: JSON.stringify({ ...base, description: "x".repeat(n) }),
      contentType: "application/json",
      what: "oversize body",
    })),
  );
}

async function assertRefused(w: TestWhistle, path: string, req: BadRequest) {
  const headers: Record<string, string> = { authorization: `Bearer ${w.token}` };
  if (req.contentType) headers["content-type"] = req.contentType;
  const res = await w.app.request(path, { method: "POST", headers, body: req.body });
  const text = await res.text();
  assert.ok(
    res.status >= 400 && res.status < 500,
    `${req.what}: status ${res.status} ${text.slice(0, 300)}`,
  );
  const json = JSON.parse(text);
  assert.equal(typeof json.error.code, "string", req.what);
  assert.ok(json.error.details.length > 0, `${req.what}: no details`);
  for (const d of json.error.details) {
    assert.ok(typeof d.field === "string" && d.field.length > 0, `${req.what}: no field named`);
  }
}

Deno.test(`fuzzing: ${RUNS * 2} generated bad payloads on single and batch intake all get a 4xx naming the field, and nothing is stored (${BACKEND})`, async () => {
  const w = await startTestWhistle({ env: { WHISTLE_MAX_BODY_BYTES: String(MAX_BODY) } });
  try {
    await fc.assert(
      fc.asyncProperty(badRequests(w), (req) => assertRefused(w, "/api/v1/cases", req)),
      { numRuns: RUNS },
    );
    // Batch: the bad payload as the whole body, or as an item next to nothing valid.
    await fc.assert(
      fc.asyncProperty(badRequests(w), fc.boolean(), async (req, asItem) => {
        if (asItem && req.contentType === "application/json" && req.body.length < MAX_BODY / 2) {
          let item: unknown;
          try {
            item = JSON.parse(req.body);
          } catch {
            return await assertRefused(w, "/api/v1/cases:batch", req);
          }
          const res = await w.call("POST", "/api/v1/cases:batch", { cases: [item] });
          const text = await res.text();
          assert.ok(
            res.status < 500,
            `${req.what} as a batch item: ${res.status} ${text.slice(0, 300)}`,
          );
          const json = JSON.parse(text);
          if (res.status === 200) {
            assert.equal(json.results[0].status, "error", req.what);
            assert.ok(json.results[0].error.details[0].field.startsWith("cases[0]"), req.what);
          } else {
            assert.ok(json.error.details[0].field, req.what);
          }
          return;
        }
        await assertRefused(w, "/api/v1/cases:batch", req);
      }),
      { numRuns: RUNS },
    );
    const stored = await w.database.db.selectFrom("cases").select("id").execute();
    assert.equal(stored.length, 0);
  } finally {
    await w.close();
  }
});
