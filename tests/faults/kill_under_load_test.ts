import assert from "node:assert/strict";
import { Kysely, sql } from "kysely";
import type { Database } from "../../src/db/database.ts";
import { openPglite } from "../../src/db/open_pglite.ts";
import {
  BACKEND,
  createPostgresTestDatabase,
  TEST_DATABASE_URL,
} from "../support/test_database.ts";
import { createTokenWithCli, startService } from "../support/service_process.ts";
import { postUntil, repostAll, type Sent } from "./fault_load.ts";

const TYPE =
  JSON.parse(await Deno.readTextFile(new URL("../../rules/matter_types.json", import.meta.url)))[0]
    .code;

Deno.test(`kill -9 under load loses no acknowledged case, and re-posting creates no second case (${BACKEND})`, async () => {
  const pgDatabase = TEST_DATABASE_URL ? await createPostgresTestDatabase() : null;
  const dataDir = pgDatabase ? null : await Deno.makeTempDir({ prefix: "whistle-kill-" });
  const env: Record<string, string> = pgDatabase
    ? { DATABASE_URL: pgDatabase.url }
    : { WHISTLE_DATA_DIR: dataDir! };
  try {
    const token = await createTokenWithCli(env);
    let service = await startService(env);
    let killed = false;
    const live: Sent[] = [];
    const load = postUntil({
      url: service.url,
      token,
      type: TYPE,
      clients: 16,
      stop: () => killed,
      maxPerClient: 2_000,
      prefix: `K${Date.now()}`,
      sent: live,
    });
    // Kill mid-stream: once a good number of cases were acknowledged (bounded in time, so a
    // slow machine still gets a kill), with requests still in flight.
    const deadline = Date.now() + 20_000;
    while (live.filter((s) => s.ackedId).length < 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await service.stop("SIGKILL");
    killed = true;
    const sent = await load;
    const acked = sent.filter((s) => s.ackedId);
    assert.ok(acked.length > 50, `only ${acked.length} cases were acknowledged before the kill`);

    service = await startService(env);
    try {
      for (const s of acked) {
        const res = await fetch(`${service.url}/api/v1/cases/${s.ackedId}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        assert.equal(
          res.status,
          200,
          `acknowledged case ${s.externalId} is missing after the kill`,
        );
        const json = await res.json();
        assert.equal(json.history[0].kind, "route");
        assert.equal(json.owner, json.history[0].outcome.owner);
      }
      const statuses = await repostAll(service.url, token, sent);
      assert.ok(
        statuses.every((s) => s === 200 || s === 201),
        `re-post statuses ${[...new Set(statuses)]}`,
      );
      for (const [i, s] of sent.entries()) {
        if (s.ackedId) {
          assert.equal(
            statuses[i],
            200,
            `${s.externalId} was acknowledged, so a re-post must find it`,
          );
        }
      }
    } finally {
      await service.stop("SIGTERM");
    }

    // Count in the database itself: exactly one case per sent id, each with one route decision.
    const database = pgDatabase ?? await openPglite(dataDir);
    try {
      const db = database.db as Kysely<Database>;
      const rows = await db.selectFrom("cases").select(["external_id"]).where(
        "source",
        "=",
        "fault-test",
      )
        .execute();
      assert.equal(rows.length, sent.length);
      assert.equal(new Set(rows.map((r) => r.external_id)).size, sent.length);
      const orphans = await sql<{ n: number }>`
        select count(*)::int as n from cases c
        where not exists (select 1 from decision_log d where d.case_id = c.id and d.kind = 'route')`
        .execute(db);
      assert.equal(orphans.rows[0].n, 0, "every stored case has its decision");
    } finally {
      if (!pgDatabase) await database.close();
    }
  } finally {
    await pgDatabase?.close();
    if (dataDir) await Deno.remove(dataDir, { recursive: true });
  }
});
