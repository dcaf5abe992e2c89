import assert from "node:assert/strict";
import { sql } from "kysely";
import { createApiToken } from "../../src/access/create_api_token.ts";
import type { DatabaseHandle } from "../../src/db/database_handle.ts";
import { openPostgres } from "../../src/db/open_postgres.ts";
import { readConfig } from "../../src/runtime/config.ts";
import { type OpenOptions, openWhistle, type Whistle } from "../../src/runtime/open_whistle.ts";
import { createPostgresTestDatabase, TEST_DATABASE_URL } from "../support/test_database.ts";
import { DEMO_RULES_DIR } from "../support/test_whistle.ts";

const TYPE = "MT-MZJ-005";
const config = readConfig({ WHISTLE_RULES_DIR: DEMO_RULES_DIR });

interface Pair {
  a: Whistle;
  b: Whistle;
  /** A policy_editor token (tokens live in the shared database). */
  editor: string;
  admin: DatabaseHandle;
}

/** Two instances on one PostgreSQL database, as two processes behind a load balancer would be. */
function test(
  name: string,
  b: OpenOptions["rulesetLiveReload"],
  fn: (pair: Pair) => Promise<void>,
) {
  Deno.test({
    name: `${name} (postgres)`,
    ignore: !TEST_DATABASE_URL,
    async fn() {
      const shared = await createPostgresTestDatabase();
      const second = openPostgres({
        url: shared.url,
        driver: "pg",
        poolSize: 4,
        queryTimeoutMs: 5_000,
      });
      const a = await openWhistle(config, { database: shared });
      const instanceB = await openWhistle(config, { database: second, rulesetLiveReload: b });
      try {
        const { token } = await createApiToken(
          shared.db,
          { name: "editor", role: "policy_editor" },
          new Date(),
        );
        await fn({ a, b: instanceB, editor: token, admin: shared });
      } finally {
        await instanceB.close();
        await a.close();
        await second.close();
        await shared.close();
      }
    },
  });
}

function call(w: Whistle, token: string, method: string, path: string, body?: unknown) {
  return w.app.request(`/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Publishes a draft moving TYPE to `owner` through instance `w`; returns the new version. */
async function publishOwner(w: Whistle, token: string, owner: string): Promise<number> {
  const draft = await (await call(w, token, "POST", "/rulesets/drafts", {})).json();
  const patched = await call(
    w,
    token,
    "PATCH",
    `/rulesets/drafts/${draft.id}/matter-types/${TYPE}`,
    { owner },
  );
  assert.equal(patched.status, 200);
  const published = await call(w, token, "POST", `/rulesets/drafts/${draft.id}:publish`, {
    note: owner,
  });
  assert.equal(published.status, 201, await published.clone().text());
  return (await published.json()).version;
}

/** Milliseconds from `start` until `w` routes with `version` (fails after `limitMs`). */
async function msUntil(
  w: Whistle,
  version: number,
  start = performance.now(),
  limitMs = 5_000,
): Promise<number> {
  while (w.ruleset.current.version !== version) {
    if (performance.now() - start > limitMs) {
      throw new Error(`still on version ${w.ruleset.current.version} after ${limitMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return performance.now() - start;
}

/** The backends LISTENing on the ruleset channel in this database. */
async function listeners(admin: DatabaseHandle): Promise<number[]> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity
    where datname = current_database() and query ilike 'LISTEN%' and pid <> pg_backend_pid()
    order by pid`.execute(admin.db);
  return rows.map((row) => Number(row.pid));
}

async function waitForListeners(admin: DatabaseHandle, count: number, not: number[] = []) {
  for (let i = 0; i < 500; i++) {
    const pids = await listeners(admin);
    if (pids.length === count && pids.every((pid) => !not.includes(pid))) return pids;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`expected ${count} fresh listeners, have ${(await listeners(admin)).join(", ")}`);
}

test(
  "two instances agree within a second after a publish on one of them (NOTIFY)",
  {},
  async ({ a, b, editor, admin }) => {
    await waitForListeners(admin, 2);
    const start = performance.now();
    const version = await publishOwner(a, editor, "YG-SFJ");
    const answered = performance.now() - start;
    assert.equal(version, 2);
    assert.equal(a.ruleset.current.version, 2); // the publishing instance switched before answering
    const lag = await msUntil(b, 2, start);
    console.log(
      `  publish answered after ${answered.toFixed(1)} ms (draft, edit, publish); ` +
        `instance B routed with version 2 after ${lag.toFixed(1)} ms`,
    );
    assert.ok(lag < 1_000, `B took ${lag} ms`);

    // A case posted to B now goes to the new owner, and its decision names version 2.
    const { token } = await createApiToken(admin.db, { name: "hotline" }, new Date());
    const posted = await call(b, token, "POST", "/cases", {
      source: "hotline-12345",
      external_id: `HL-${crypto.randomUUID()}`,
      type: TYPE,
      title: "独居老人无人照看",
      channel: "hotline",
      reported_at: new Date().toISOString(),
    });
    const routed = await posted.json();
    assert.equal(routed.owner, "YG-SFJ");
    assert.equal(routed.decision.ruleset.version, 2);

    // A rollback on B reaches A just as fast.
    const rolled = await call(b, editor, "POST", "/rulesets/versions/1:publish", { note: "back" });
    assert.equal(rolled.status, 200);
    assert.ok((await msUntil(a, 1)) < 1_000);
  },
);

test("without notifications the version check alone keeps instances within a second", {
  listen: false,
}, async ({ a, b, editor }) => {
  const start = performance.now();
  const version = await publishOwner(a, editor, "YG-SFJ");
  const lag = await msUntil(b, version, start);
  console.log(
    `  instance B (version check only) routed with the new version after ${lag.toFixed(1)} ms`,
  );
  assert.ok(lag < 1_000, `B took ${lag} ms`);
});

test(
  "the listener reconnects when its connection is cut, as by a PostgreSQL restart, and catches up",
  { pollMs: 0 },
  async ({ a, b, editor, admin }) => {
    const before = await waitForListeners(admin, 2);
    // What a restart does to every session: terminate the backends.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
    where datname = current_database() and query ilike 'LISTEN%'`.execute(admin.db);
    // Published while B's listener is down (and B has no version check): B must catch up on
    // reconnecting, since the notification was lost.
    const missed = await publishOwner(a, editor, "YG-SFJ");
    await waitForListeners(admin, 2, before);
    assert.ok((await msUntil(b, missed)) < 1_000);
    // And it hears the next publish again.
    const next = await publishOwner(a, editor, "YG-FL");
    const lag = await msUntil(b, next);
    assert.ok(lag < 1_000, `B took ${lag} ms`);
  },
);
