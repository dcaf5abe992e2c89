import assert from "node:assert/strict";
import { sql } from "kysely";
import { updateById } from "../../src/db/update_by_id.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";

Deno.test(`updateById() applies each row's own changes, one statement per set of columns (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  try {
    const db = database.db;
    await sql`create table t (id uuid primary key, a text, at timestamptz, n integer)`.execute(db);
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const then = new Date("2026-11-23T02:00:00.123Z");
    for (const id of ids) {
      await sql`insert into t values (${id}, 'x', ${then}, 1)`.execute(db);
    }
    const later = new Date("2026-11-24T08:30:00.456Z");
    const statements: string[] = [];
    const counted = db.withPlugin({
      transformQuery: (args) => {
        if (args.node.kind === "RawNode") statements.push("update");
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    await updateById(counted, "t", { a: "text", at: "timestamptz", n: "integer" }, [
      { id: ids[0], a: '它\'s "quoted"', n: 7 },
      { id: ids[1], n: 8, a: null },
      { id: ids[2], at: later },
    ]);
    assert.equal(statements.length, 2);
    const { rows } = await sql<{ id: string; a: string | null; at: Date; n: number }>`
      select id, a, at, n from t`.execute(db);
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.deepEqual(
      ids.map((id) => {
        const r = byId.get(id)!;
        return [r.a, new Date(r.at).toISOString(), Number(r.n)];
      }),
      [
        ['它\'s "quoted"', then.toISOString(), 7],
        [null, then.toISOString(), 8],
        ["x", later.toISOString(), 1],
      ],
    );
    await assert.rejects(
      () => updateById(db, "t", { a: "text" }, [{ id: ids[0], n: 1 }]),
      /no type for t\.n/,
    );
    await updateById(db, "t", { a: "text" }, []);
  } finally {
    await database.close();
  }
});
