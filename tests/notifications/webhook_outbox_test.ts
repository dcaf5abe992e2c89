import assert from "node:assert/strict";
import { startLifecycleWhistle } from "../support/lifecycle_fixture.ts";
import { BACKEND } from "../support/test_database.ts";

const bj = (text: string) => new Date(`${text}+08:00`);
// deno-lint-ignore no-explicit-any
type Json = any;

Deno.test(`webhooks go out from the outbox at least once, retried with backoff after a failure (${BACKEND})`, async () => {
  const received: { delivery: string; attempt: string; body: Json }[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const body = await req.json();
    received.push({
      delivery: req.headers.get("x-whistle-delivery")!,
      attempt: req.headers.get("x-whistle-attempt")!,
      body,
    });
    // The first attempt of every notice fails.
    return new Response("busy", { status: received.length === 1 ? 503 : 200 });
  });
  const url = `http://127.0.0.1:${server.addr.port}/whistle`;
  const w = await startLifecycleWhistle({
    start: bj("2026-11-23T10:00"),
    edit: (d) => ({
      ...d,
      units: d.units.map((u) =>
        u.code === "YG-MZJ" || u.code === "YG" ? { ...u, webhook_url: `${url}/${u.code}` } : u
      ),
    }),
  });
  try {
    const id = (await w.postCase("MT-T-CAL")).id as string;
    let report = await w.webhooks.deliverOnce();
    assert.deepEqual(report, { attempted: 1, delivered: 0, failed: 1, gaveUp: 0 });
    // Not due again before the backoff (1 s) has passed.
    assert.equal((await w.webhooks.deliverOnce()).attempted, 0);
    w.clock.now = new Date(w.clock.now.getTime() + 1_000);
    report = await w.webhooks.deliverOnce();
    assert.deepEqual(report, { attempted: 1, delivered: 1, failed: 0, gaveUp: 0 });
    assert.equal(received.length, 2);
    assert.equal(received[0].delivery, received[1].delivery);
    assert.deepEqual(received.map((r) => r.attempt), ["1", "2"]);
    assert.equal(received[1].body.event, "assigned");
    assert.equal(received[1].body.unit, "YG-MZJ");
    assert.equal(received[1].body.case.id, id);

    // The attempts are on the case's timeline.
    let c: Json = await (await w.call("GET", `/api/v1/cases/${id}`)).json();
    const attempts = c.timeline.filter((e: Json) => e.kind === "webhook_delivery");
    assert.deepEqual(attempts.map((e: Json) => [e.data.attempt, e.data.outcome, e.data.status]), [
      [1, "failed", 503],
      [2, "delivered", 200],
    ]);
    assert.ok(attempts[0].data.next_attempt_at);

    // An escalation notifies the unit it goes to.
    w.clock.now = bj("2026-11-23T11:00");
    await w.sweeper.sweepOnce();
    await w.webhooks.deliverOnce();
    assert.equal(received.at(-1)!.body.event, "escalated");
    assert.equal(received.at(-1)!.body.unit, "YG");
    c = await (await w.call("GET", `/api/v1/cases/${id}`)).json();
    assert.equal(c.timeline.filter((e: Json) => e.kind === "webhook_delivery").length, 3);
    const metrics = await w.metrics.registry.metrics();
    assert.match(metrics, /whistle_webhook_deliveries_total\{outcome="delivered"\} 2/);
    assert.match(metrics, /whistle_webhook_deliveries_total\{outcome="failed"\} 1/);
  } finally {
    await w.close();
    await server.shutdown();
  }
});
