import assert from "node:assert/strict";
import { sql } from "kysely";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";

Deno.test(`kpi_bucket() gives the original answer, 1 + edges strictly below (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  try {
    const { rows } = await sql<{ m: number | null; got: number; want: number }>`
      with v(m) as (
        select null::double precision
        union all select x::double precision from generate_series(-5, 45000, 5) x
        union all select x + 0.5 from generate_series(-5, 45000, 97) x)
      select m, kpi_bucket(m) as got,
        (1 + (select count(*) from unnest(array[5,10,15,20,30,45,60,75,90,120,150,180,240,300,
          360,480,600,720,960,1200,1440,1800,2160,2880,3600,4320,5760,7200,8640,10080,14400,
          20160,30240,43200]::double precision[]) e where e < m))::int as want
      from v`.execute(database.db);
    assert.ok(rows.length > 9000);
    const wrong = rows.filter((r) => Number(r.got) !== Number(r.want));
    assert.deepEqual(wrong.slice(0, 5), []);
  } finally {
    await database.close();
  }
});
