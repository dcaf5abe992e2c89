import assert from "node:assert/strict";
import { sql } from "kysely";
import { PREPARED } from "../../src/db/prepared_statements.ts";
import { createPostgresTestDatabase, TEST_DATABASE_URL } from "../support/test_database.ts";

Deno.test({
  name: "preparingPool() prepares a marked statement once per connection and no other",
  ignore: !TEST_DATABASE_URL,
  async fn() {
    const database = await createPostgresTestDatabase({ poolSize: 1 });
    try {
      const { db } = database;
      for (const n of [1, 2, 3]) {
        const { rows } = await sql<{ n: number }>`${sql.raw(PREPARED)} select ${n}::int as n`
          .execute(db);
        assert.deepEqual(rows, [{ n }]);
      }
      await sql`select ${4}::int as unmarked`.execute(db);
      const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(db);
      assert.equal(rows.length, 1);
      assert.match(rows[0].name, /^whistle_[0-9a-f]{24}$/);
      assert.match(rows[0].statement, /select \$1::int as n/);
    } finally {
      await database.close();
    }
  },
});
