import assert from "node:assert/strict";
import { sql } from "kysely";
import pg from "pg";
import { appendDecisions } from "../../src/audit/append_decisions.ts";
import { silentLogger } from "../../src/observability/logger.ts";
import { readConfig } from "../../src/runtime/config.ts";
import { openWhistle } from "../../src/runtime/open_whistle.ts";
import { openPostgres } from "../../src/db/open_postgres.ts";
import {
  BACKEND,
  createPostgresTestDatabase,
  openTestDatabase,
  TEST_DATABASE_URL,
} from "../support/test_database.ts";
import { DEMO_RULES_DIR } from "../support/test_whistle.ts";
import { logEntry } from "./audit_fixture.ts";

/** README "Audit": the grants that let the service run without the right to change the log. */
function appRoleGrants(role: string): string[] {
  return [
    `grant usage on schema public to ${role}`,
    `grant select, insert, update, delete on all tables in schema public to ${role}`,
    `grant usage, select on all sequences in schema public to ${role}`,
    `revoke update, delete, truncate on decision_log from ${role}`,
  ];
}

Deno.test(`PUBLIC holds no right to update, delete or truncate the log (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  try {
    const { rows } = await sql<{ acl: string | null; public_rights: number }>`
      select c.relacl::text as acl,
        (select count(*) from aclexplode(c.relacl) a
          where a.grantee = 0 and a.privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE'))::int
          as public_rights
      from pg_class c where c.relname = 'decision_log'`.execute(database.db);
    assert.notEqual(rows[0].acl, null); // the REVOKE made the owner-only ACL explicit
    assert.equal(rows[0].public_rights, 0);
  } finally {
    await database.close();
  }
});

Deno.test(`a role set up as the README says appends to the log but cannot change it (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  const role = `whistle_app_${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const { db } = database;
  try {
    await sql.raw(`create role ${role} nologin`).execute(db);
    for (const statement of appRoleGrants(role)) await sql.raw(statement).execute(db);
    await db.transaction().execute(async (trx) => {
      await sql.raw(`set local role ${role}`).execute(trx);
      await appendDecisions(trx, [logEntry(), logEntry()]);
    });
    for (
      const statement of [
        "update decision_log set actor = 'x'",
        "delete from decision_log",
        "truncate decision_log",
      ]
    ) {
      await assert.rejects(
        () =>
          db.transaction().execute(async (trx) => {
            await sql.raw(`set local role ${role}`).execute(trx);
            await sql.raw(statement).execute(trx);
          }),
        /permission denied for table decision_log/,
        statement,
      );
    }
    const count = await db.selectFrom("decision_log").select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 2);
  } finally {
    await sql.raw(`drop owned by ${role}`).execute(db).catch(() => {});
    await sql.raw(`drop role if exists ${role}`).execute(db).catch(() => {});
    await database.close();
  }
});

Deno.test({
  name: "the service runs as a login role without those rights (postgres)",
  ignore: !TEST_DATABASE_URL,
  async fn() {
    const owner = await createPostgresTestDatabase();
    const role = `whistle_app_${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
    const url = new URL(owner.url);
    url.username = role;
    try {
      await sql.raw(`create role ${role} login`).execute(owner.db);
      await sql.raw(`grant connect on database "${url.pathname.slice(1)}" to ${role}`).execute(
        owner.db,
      );
      for (const statement of appRoleGrants(role)) await sql.raw(statement).execute(owner.db);
      const app = openPostgres({
        url: url.toString(),
        driver: "pg",
        poolSize: 2,
        queryTimeoutMs: 10_000,
      });
      const whistle = await openWhistle(
        readConfig({ WHISTLE_RULES_DIR: DEMO_RULES_DIR }),
        { database: app, logger: silentLogger },
      );
      try {
        // Migrations (none pending), installing version 1 and logging its publish all work.
        const log = await app.db.selectFrom("decision_log").select("kind").execute();
        assert.deepEqual(log, [{ kind: "publish" }]);
        await assert.rejects(
          () => sql`update decision_log set actor = 'x'`.execute(app.db),
          /permission denied for table decision_log/,
        );
      } finally {
        await whistle.close();
        await app.close();
      }
    } finally {
      await owner.close(); // drops the database, and with it every grant to the role
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop role if exists ${role}`).finally(() => admin.end());
    }
  },
});
