import assert from "node:assert/strict";
import { parsePrometheus, sampleValue } from "../support/parse_prometheus.ts";
import { BACKEND } from "../support/test_database.ts";
import { startTestWhistle, type TestWhistle } from "../support/test_whistle.ts";

const NOW = new Date("2026-11-23T02:00:00Z");

function aCase(overrides: Record<string, unknown> = {}) {
  return {
    source: "hotline-12345",
    external_id: `HL-${crypto.randomUUID()}`,
    type: "MT-MZJ-005",
    title: "独居老人无人照看",
    channel: "hotline",
    reported_at: "2026-11-23T09:30:00+08:00",
    ...overrides,
  };
}

async function scrape(w: TestWhistle, headers?: HeadersInit) {
  const res = await w.app.request("/metrics", { headers });
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
  return parsePrometheus(await res.text());
}

function test(name: string, fn: (w: TestWhistle) => Promise<void>, env?: Record<string, string>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const w = await startTestWhistle({ clock: () => NOW, env });
    try {
      await fn(w);
    } finally {
      await w.close();
    }
  });
}

test("/metrics parses as Prometheus text and its counters move when cases come in", async (w) => {
  const before = await scrape(w);
  const intake = (outcome: string, families = before, source = "hotline-12345") =>
    sampleValue(families, "whistle_intake_cases_total", { source, channel: "hotline", outcome });
  assert.equal(intake("created"), 0);
  assert.equal(before.get("whistle_intake_cases_total")?.type, "counter");
  assert.equal(sampleValue(before, "whistle_ruleset_active_version"), 1);
  assert.equal(sampleValue(before, "whistle_intake_queue_depth"), 0);
  for (const name of ["whistle_warnings_total", "whistle_escalations_total"]) {
    assert.equal(before.get(name)?.type, "counter", name);
  }
  assert.equal(before.get("whistle_webhook_deliveries_total")?.type, "counter");
  assert.equal(before.has("process_cpu_seconds_total"), false, "no default metrics");

  const body = aCase();
  assert.equal((await w.call("POST", "/api/v1/cases", body)).status, 201);
  assert.equal((await w.call("POST", "/api/v1/cases", body)).status, 200);
  assert.equal((await w.call("POST", "/api/v1/cases", aCase({ type: "MT-NOPE" }))).status, 422);
  const batch = await w.call("POST", "/api/v1/cases:batch", {
    cases: [aCase({ source: "grid-app", channel: "hotline" }), aCase()],
  });
  assert.equal(batch.status, 200);
  const got = await w.call("GET", `/api/v1/cases/${crypto.randomUUID()}`);
  assert.equal(got.status, 404);
  const open311 = await w.app.request("/open311/v2/requests.json", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      api_key: w.token,
      service_code: "MT-ZFW-001",
      address_string: "和平社区5号楼",
    }).toString(),
  });
  assert.equal(open311.status, 201);

  const after = await scrape(w);
  assert.equal(intake("created", after), 2);
  assert.equal(intake("existing", after), 1);
  assert.equal(intake("refused", after), 1);
  assert.equal(intake("created", after, "grid-app"), 1);
  assert.equal(
    sampleValue(after, "whistle_intake_cases_total", {
      source: "test-hotline",
      channel: "open311",
      outcome: "created",
    }),
    1,
  );
  assert.equal(sampleValue(after, "whistle_decision_seconds_count"), 5);
  assert.ok(sampleValue(after, "whistle_intake_batch_size_count") >= 1);
  assert.ok(sampleValue(after, "whistle_intake_batch_size_sum") >= 5);
  const http = (route: string, status: string, method = "POST") =>
    sampleValue(after, "whistle_http_request_duration_seconds_count", { method, route, status });
  assert.equal(http("/api/v1/cases", "201"), 1);
  assert.equal(http("/api/v1/cases", "200"), 1);
  assert.equal(http("/api/v1/cases", "422"), 1);
  assert.equal(http("/api/v1/cases/:id", "404", "GET"), 1);
  assert.equal(http("/open311/v2/requests.json", "201"), 1);
  const routes = after.get("whistle_http_request_duration_seconds")!.samples
    .map((s) => s.labels.route);
  assert.ok(routes.every((r) => !/[0-9a-f]{8}-[0-9a-f]{4}/.test(r)), "no raw paths as labels");
});

test("lifecycle recorders and the ruleset gauge show in the scrape", async (w) => {
  w.metrics.warning("YG-MZJ");
  w.metrics.escalation("YG-MZJ", "accept");
  w.metrics.escalation("YG-MZJ", "accept");
  w.metrics.webhookDelivery("failed");
  const families = await scrape(w);
  assert.equal(sampleValue(families, "whistle_warnings_total", { unit: "YG-MZJ" }), 1);
  assert.equal(
    sampleValue(families, "whistle_escalations_total", { unit: "YG-MZJ", limit: "accept" }),
    2,
  );
  assert.equal(sampleValue(families, "whistle_webhook_deliveries_total", { outcome: "failed" }), 1);
  const pool = families.get("whistle_db_pool_connections")!;
  if (BACKEND === "postgres") {
    assert.ok(sampleValue(families, "whistle_db_pool_connections", { state: "total" }) >= 1);
  } else {
    assert.equal(pool.samples.length, 0);
  }
});

test("with WHISTLE_METRICS_TOKEN set, /metrics needs it as a bearer token", async (w) => {
  assert.equal((await w.app.request("/metrics")).status, 401);
  const wrong = await w.app.request("/metrics", { headers: { authorization: "Bearer nope" } });
  assert.equal(wrong.status, 401);
  assert.equal((await wrong.json()).error.code, "unauthorized");
  await scrape(w, { authorization: "Bearer s3cret-scrape" });
}, { WHISTLE_METRICS_TOKEN: "s3cret-scrape" });
