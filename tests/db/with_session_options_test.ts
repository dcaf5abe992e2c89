import assert from "node:assert/strict";
import { sql } from "kysely";
import { openPostgres } from "../../src/db/open_postgres.ts";
import { withSessionOptions } from "../../src/db/with_session_options.ts";
import { createPostgresTestDatabase, TEST_DATABASE_URL } from "../support/test_database.ts";

Deno.test("withSessionOptions() adds -c settings to the URL's options, keeping those it has", () => {
  const url = withSessionOptions("postgres://u:p@h:5432/db?options=-c%20work_mem%3D8MB", {
    synchronous_commit: "off",
  });
  const u = new URL(url);
  assert.equal(u.searchParams.get("options"), "-c work_mem=8MB -c synchronous_commit=off");
  assert.equal(u.pathname, "/db");
  assert.equal(u.password, "p");
});

Deno.test({
  name: "withSessionOptions() URLs start sessions with the setting, on both drivers (postgres)",
  ignore: !TEST_DATABASE_URL,
  fn: async () => {
    const test = await createPostgresTestDatabase();
    try {
      for (const driver of ["pg", "postgres"] as const) {
        const handle = openPostgres({
          url: withSessionOptions(test.url, { synchronous_commit: "off" }),
          driver,
          poolSize: 1,
          queryTimeoutMs: 10_000,
        });
        try {
          const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`
            .execute(handle.db);
          assert.equal(rows[0].synchronous_commit, "off", driver);
        } finally {
          await handle.close();
        }
      }
    } finally {
      await test.close();
    }
  },
});
