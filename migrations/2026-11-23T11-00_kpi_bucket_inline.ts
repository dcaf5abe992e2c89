// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * Makes `kpi_bucket()` (2026-11-23T09-00_kpi_rollups) cheap: the same answer, 1 + the number of
 * bucket edges strictly below `minutes` (1 for NULL), but from the built-in `width_bucket()`
 * in one inlinable expression instead of a subquery over `unnest()`. The KPI triggers call it
 * for every changed assignment row, whether or not the row hits a histogram, so it decided the
 * cost of every bulk change to `case_assignments` (an escalation sweep of 10,000 cases spent
 * about 1.5 s of database time in it).
 */
const EDGES = "array[5,10,15,20,30,45,60,75,90,120,150,180,240,300,360,480,600,720,960," +
  "1200,1440,1800,2160,2880,3600,4320,5760,7200,8640,10080,14400,20160,30240,43200]" +
  "::double precision[]";

export async function up(db: Kysely<any>): Promise<void> {
  // width_bucket counts the edges <= minutes; an edge equal to minutes is not below it.
  await sql.raw(`
    create or replace function kpi_bucket(minutes double precision) returns smallint
    language sql immutable as $$
      select (1 + coalesce(width_bucket(minutes, ${EDGES})
        - (minutes = any(${EDGES}))::int, 0))::smallint
    $$`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create or replace function kpi_bucket(minutes double precision) returns smallint
    language sql immutable as $$
      select (1 + (select count(*) from unnest(${EDGES}) e where e < minutes))::smallint
    $$`).execute(db);
}
