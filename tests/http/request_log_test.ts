import assert from "node:assert/strict";
import { Hono } from "hono";
import { errorHandler } from "../../src/http/handle_error.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { ConfigError, readConfig } from "../../src/runtime/config.ts";
import { open311Test, postForm, validFields } from "./open311/open311_fixture.ts";

const lines: string[] = [];
const logger = createLogger({ level: "debug", write: (line) => lines.push(line) });

function requestLines(): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line)).filter((l) => l.msg === "request");
}

open311Test(
  "each request logs one JSON line whose request id is also in its decision",
  async (w) => {
    lines.length = 0;
    const fields = validFields(w);
    const res = await postForm(w, fields, { headers: { "x-request-id": "log-test-0001" } });
    assert.equal(res.status, 201);
    const [{ service_request_id: id }] = await res.json();
    const generated = await w.call("POST", "/api/v1/cases", {
      source: "hotline-12345",
      external_id: "HL-log-1",
      type: "MT-ZFW-001",
      title: "噪音",
      channel: "hotline",
      reported_at: "2026-11-23T09:30:00+08:00",
    });
    const generatedId = generated.headers.get("x-request-id");
    assert.ok(generatedId && generatedId.length >= 16, "a request id is generated and returned");
    await w.call("GET", `/api/v1/cases/${id}`);
    await w.app.request("/healthz");

    const logged = requestLines();
    assert.equal(logged.length, 4, JSON.stringify(logged));
    const [open311, json, read, probe] = logged;
    assert.deepEqual(Object.keys(open311).sort(), [
      "actor",
      "duration_ms",
      "level",
      "method",
      "msg",
      "request_id",
      "route",
      "status",
      "time",
    ]);
    assert.equal(open311.request_id, "log-test-0001");
    assert.equal(open311.route, "/open311/v2/requests.json");
    assert.equal(open311.method, "POST");
    assert.equal(open311.status, 201);
    assert.equal(open311.actor, "token:test-hotline");
    assert.equal(open311.level, "info");
    assert.ok(typeof open311.duration_ms === "number" && open311.duration_ms >= 0);
    assert.equal(json.request_id, generatedId);
    assert.equal(read.route, "/api/v1/cases/:id");
    assert.equal(probe.route, "/healthz");
    assert.equal(probe.level, "debug");

    // The same id is in the decision-log entry the request caused.
    const entry = await w.database.db.selectFrom("decision_log").select("request_id")
      .where("case_id", "=", id).executeTakeFirstOrThrow();
    assert.equal(entry.request_id, "log-test-0001");

    // Never the token, a body, a query string or personal data.
    const all = lines.join("\n");
    for (const secret of [w.token, "13800000000", "citizen@example.cn", "独居老人", id]) {
      assert.equal(all.includes(secret), false, `${secret} in the log`);
    }
  },
  { logger },
);

Deno.test("WHISTLE_LOG_LEVEL picks the level; an unhandled error is logged, not shown", async () => {
  assert.equal(readConfig({}).observability.logLevel, "info");
  assert.equal(readConfig({ WHISTLE_LOG_LEVEL: "warn" }).observability.logLevel, "warn");
  assert.throws(
    () => readConfig({ WHISTLE_LOG_LEVEL: "loud" }),
    (e: unknown) => e instanceof ConfigError && e.variable === "WHISTLE_LOG_LEVEL",
  );
  assert.equal(readConfig({ WHISTLE_METRICS_TOKEN: "t" }).observability.metricsToken, "t");

  const quiet: string[] = [];
  const warnLogger = createLogger({ level: "warn", write: (line) => quiet.push(line) });
  warnLogger.info("request", { status: 200 });
  const app = new Hono();
  app.onError(errorHandler(warnLogger));
  app.get("/boom", () => {
    throw new Error("kaput");
  });
  const res = await app.request("/boom");
  assert.equal(res.status, 500);
  const body = await res.json();
  assert.equal(body.error.code, "internal_error");
  assert.equal(JSON.stringify(body).includes("kaput"), false);
  assert.equal(quiet.length, 1);
  const line = JSON.parse(quiet[0]);
  assert.equal(line.level, "error");
  assert.equal(line.msg, "unhandled error");
  assert.equal(line.route, "/boom");
  assert.match(line.error, /kaput/);
});
