import assert from "node:assert/strict";
import { createPostgresTestDatabase, TEST_DATABASE_URL } from "../support/test_database.ts";
import { createTokenWithCli, startService } from "../support/service_process.ts";
import { postUntil } from "./fault_load.ts";

const TYPE =
  JSON.parse(await Deno.readTextFile(new URL("../../rules/matter_types.json", import.meta.url)))[0]
    .code;

/** The local cluster this test may restart: only a server on this machine, run by pg_ctlcluster. */
function localCluster(): string | null {
  if (!TEST_DATABASE_URL) return null;
  const host = new URL(TEST_DATABASE_URL).hostname;
  if (!["127.0.0.1", "localhost", "[::1]"].includes(host)) return null;
  try {
    const versions = [...Deno.readDirSync("/etc/postgresql")].map((e) => e.name).sort();
    return versions.at(-1) ?? null;
  } catch {
    return null;
  }
}

const cluster = localCluster();

async function pgctl(action: "restart") {
  const out = await new Deno.Command("pg_ctlcluster", {
    args: ["--skip-systemctl-redirect", cluster!, "main", action, "-m", "fast"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
}

Deno.test({
  name:
    "a PostgreSQL restart under load: 503s during the outage, no crash, recovery without a service restart, nothing acknowledged lost (postgres)",
  ignore: cluster === null,
  async fn() {
    const database = await createPostgresTestDatabase();
    const env = { DATABASE_URL: database.url, WHISTLE_DB_TIMEOUT_MS: "3000" };
    const token = await createTokenWithCli(env);
    const service = await startService(env);
    try {
      let stop = false;
      const load = postUntil({
        url: service.url,
        token,
        type: TYPE,
        clients: 8,
        stop: () => stop,
        maxPerClient: 5_000,
        prefix: `R${Date.now()}`,
      });
      await new Promise((r) => setTimeout(r, 1_000));
      await pgctl("restart");
      // Recovery by itself: within 20 s a new case is accepted again.
      const deadline = Date.now() + 20_000;
      let recovered = false;
      let probe = 0;
      while (!recovered && Date.now() < deadline) {
        const res = await fetch(`${service.url}/api/v1/cases`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({
            source: "fault-probe",
            external_id: `P-${probe++}`,
            type: TYPE,
            title: "探测",
            channel: "hotline",
            reported_at: "2026-11-23T09:30:00+08:00",
          }),
        });
        await res.body?.cancel();
        recovered = res.status === 201;
        if (!recovered) await new Promise((r) => setTimeout(r, 200));
      }
      await new Promise((r) => setTimeout(r, 500));
      stop = true;
      const sent = await load;
      assert.ok(recovered, `no case was accepted within 20 s of the restart:\n${service.output()}`);

      const statuses = sent.map((s) => s.status);
      assert.ok(!statuses.includes(undefined), "the service never dropped a connection (no crash)");
      const failures = sent.filter((s) => s.status !== 201);
      console.log(`restart under load: ${sent.length} posted, ${failures.length} answered 503`);
      assert.ok(failures.length > 0, "the outage was felt: some posts got 503");
      for (const f of failures) {
        assert.equal(f.status, 503, `only 503 is allowed during the outage, got ${f.status}`);
        assert.ok(f.retryAfter, "a 503 carries Retry-After");
      }
      const ready = await fetch(`${service.url}/readyz`);
      assert.equal(ready.status, 200);
      await ready.body?.cancel();

      const acked = sent.filter((s) => s.ackedId).map((s) => s.ackedId!);
      const rows = await database.db.selectFrom("cases").select("id").where("id", "in", acked)
        .execute();
      assert.equal(rows.length, acked.length, "every acknowledged case is stored");
    } finally {
      const status = await service.stop("SIGTERM");
      await database.close();
      assert.equal(status.code, 0, `the service did not exit cleanly:\n${service.output()}`);
    }
  },
});
