import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { sql } from "kysely";
import { FileMigrationProvider, Migrator } from "kysely/migration";
import { migrateToLatest, MIGRATIONS_DIR } from "../../src/db/migrate_to_latest.ts";
import { kpisGrouped } from "../../src/reports/kpis_grouped.ts";
import { kpiFixture, NOW } from "../reports/kpi_fixture.ts";
import { BACKEND } from "../support/test_database.ts";

const PERIOD = { from: "2026-11-10", to: "2026-11-14" };

Deno.test(`the histogram-columns and any-channel migrations keep every KPI, down and up again (${BACKEND})`, async () => {
  const w = await kpiFixture();
  try {
    const db = w.database.db;
    const groups = ["total", "unit", "matter_type", "channel", "day"] as const;
    const before = await kpisGrouped(db, PERIOD, groups, NOW);
    assert.ok(before.get("total")!.get("")!.resolveP90 !== null, "the fixture has histograms");

    const migrator = new Migrator({
      db,
      provider: new FileMigrationProvider({ fs, path, migrationFolder: MIGRATIONS_DIR }),
    });
    const down = await migrator.migrateTo("2026-11-23T13-00_kpi_trigger_plans");
    assert.equal(down.error, undefined, String(down.error));
    const { rows } = await sql<{ rows: number; n: number }>`
      select count(*)::int as rows, sum(n)::int as n from kpi_hist`.execute(db);
    // 6 acceptances and 4 resolutions by the lead (A, B, C, E), each in a bucket.
    assert.ok(rows[0].rows > 0 && rows[0].n === 10, JSON.stringify(rows[0]));

    await migrateToLatest(db);
    assert.deepEqual(await kpisGrouped(db, PERIOD, groups, NOW), before);
    // The any-channel rollup is kpi_daily summed over channels.
    const { rows: diff } = await sql<{ n: number }>`
      select count(*)::int as n from (
        select day, unit, matter_type, role, sum(received) r, sum(resolve_b7) b from kpi_daily
        group by 1, 2, 3, 4
        except select day, unit, matter_type, role, received, resolve_b7 from kpi_daily_any_channel
      ) x`.execute(db);
    assert.equal(diff[0].n, 0);
  } finally {
    await w.close();
  }
});
