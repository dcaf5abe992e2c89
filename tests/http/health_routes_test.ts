import assert from "node:assert/strict";
import { BACKEND } from "../support/test_database.ts";
import { startTestWhistle } from "../support/test_whistle.ts";

Deno.test(`/healthz and /readyz answer without a token; /readyz says not ready while shutting down (${BACKEND})`, async () => {
  const w = await startTestWhistle();
  try {
    assert.equal((await w.app.request("/healthz")).status, 200);
    const ready = await w.app.request("/readyz");
    assert.equal(ready.status, 200);
    assert.equal((await ready.json()).checks.database, "ok");
    await w.intake.close();
    const closing = await w.app.request("/readyz");
    assert.equal(closing.status, 503);
    assert.equal((await closing.json()).checks.intake, "shutting down");
  } finally {
    await w.close();
  }
});

Deno.test(`/openapi.json documents every API route and /docs renders it (${BACKEND})`, async () => {
  const w = await startTestWhistle();
  try {
    const doc = await (await w.app.request("/openapi.json")).json();
    assert.equal(doc.openapi, "3.1.0");
    for (
      const path of ["/api/v1/cases", "/api/v1/cases:batch", "/api/v1/cases/{id}", "/api/v1/decide"]
    ) {
      assert.ok(doc.paths[path], path);
    }
    assert.ok(doc.components.schemas.NewCase);
    assert.ok(
      doc.paths["/api/v1/cases:batch"].post.responses["200"].content["application/json"].example,
    );
    const page = await w.app.request("/docs");
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /\/api\/v1\/cases:batch/);
  } finally {
    await w.close();
  }
});

Deno.test(`an unknown route is a JSON 404 (${BACKEND})`, async () => {
  const w = await startTestWhistle();
  try {
    const res = await w.app.request("/nope");
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.code, "not_found");
  } finally {
    await w.close();
  }
});
