// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * What the performance pages read, made small (after 2026-11-23T14-00_kpi_hist_columns):
 *
 * - `kpi_daily_any_channel`: `kpi_daily` summed over the four channels (one row per day, unit,
 *   matter type and role; same counter and histogram columns). A page without a channel filter
 *   (most of them) reads it: a quarter of the rows (30 days at a million cases: 5,700 instead of
 *   21,500). `kpi_fold()` keeps both tables.
 * - Block-range indexes on `day`: the fold appends rows day after day, so a period's rows sit in
 *   a few block ranges; the planner reads those blocks instead of the whole table, which it did
 *   for periods of more than a few percent of the history.
 * - Covering indexes for the monthly trend by category (12 months of `received`, lead role),
 *   which then reads no wide row.
 */

/** Counter columns of kpi_daily (as in 2026-11-23T09-00_kpi_rollups). */
const COUNTERS = [
  "received",
  "assigned",
  "accepted",
  "accepted_on_time",
  "resolved",
  "resolved_on_time",
  "resolved_on_time_original",
  "resolved_extended",
  "resolved_extended_on_time",
  "resolved_extended_on_time_original",
  "submitted",
  "submitted_on_time",
  "returned",
  "escalated",
  "closed",
  "satisfied",
  "basic",
  "unsatisfied",
  "reopened",
  "extensions_requested",
  "extensions_granted",
];

/** The histogram columns of 2026-11-23T14-00_kpi_hist_columns, with their measure and bucket. */
const HIST = ["accept", "resolve"].flatMap((metric) =>
  Array.from({ length: 35 }, (_, i) => ({
    column: `${metric}_b${i + 1}`,
    measure: `h_${metric}`,
    bucket: i + 1,
  }))
);

const SUMMED = [...COUNTERS, ...HIST.map((h) => h.column)];

const FOLD_LOCK = 0x5768_6b70; // "Whkp", as before

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`create table kpi_daily_any_channel (
      day date not null,
      unit text not null,
      matter_type text not null,
      role text not null,
      ${SUMMED.map((c) => `${c} integer not null default 0`).join(", ")},
      primary key (day, unit, matter_type, role)
    )`).execute(db);
  await sql.raw(
    `insert into kpi_daily_any_channel (day, unit, matter_type, role, ${
      SUMMED.join(", ")
    }) select day, unit, matter_type, role, ${SUMMED.map((c) => `sum(${c})`).join(", ")}
    from kpi_daily group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  ).execute(db);
  await sql.raw(fold(true)).execute(db);
  await sql`create index kpi_daily_day_brin on kpi_daily using brin (day)`.execute(db);
  await sql`create index kpi_daily_any_channel_day_brin on kpi_daily_any_channel
    using brin (day)`.execute(db);
  await sql`create index kpi_daily_received_idx on kpi_daily (day)
    include (matter_type, unit, channel, received) where role = 'lead'`.execute(db);
  await sql`create index kpi_daily_any_channel_received_idx on kpi_daily_any_channel (day)
    include (matter_type, unit, received) where role = 'lead'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index kpi_daily_received_idx`.execute(db);
  await sql`drop index kpi_daily_day_brin`.execute(db);
  await sql.raw(fold(false)).execute(db);
  await sql`drop table kpi_daily_any_channel`.execute(db);
}

/** `kpi_fold()` as 2026-11-23T14-00_kpi_hist_columns left it, plus (`anyChannel`) the new table. */
function fold(anyChannel: boolean): string {
  const sums = [
    ...COUNTERS.map((c) => `coalesce(sum(n) filter (where measure = '${c}'), 0)`),
    ...HIST.map((h) =>
      `coalesce(sum(n) filter (where measure = '${h.measure}' and bucket = ${h.bucket}), 0)`
    ),
  ];
  const upsert = (table: string, key: string) => `
        insert into ${table} (${key}, ${SUMMED.join(", ")})
        select ${key}, ${sums.join(", ")}
        from gone where measure <> 'rule'
        group by ${key} order by ${key}
        on conflict (${key}) do update set
          ${SUMMED.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(", ")}
        returning 1`;
  return `
    create or replace function kpi_fold() returns bigint language plpgsql as $$
    declare moved bigint;
    begin
      perform pg_advisory_xact_lock(${FOLD_LOCK});
      with gone as (delete from kpi_delta returning *),
      counters as (${upsert("kpi_daily", "day, unit, matter_type, channel, role")}),
      ${
    anyChannel
      ? `any_channel as (${upsert("kpi_daily_any_channel", "day, unit, matter_type, role")}),`
      : ""
  }
      rules as (
        insert into kpi_rule_daily (day, rule, unit, matter_type, channel, n)
        select day, rule, unit, matter_type, channel, sum(n)
        from gone where measure = 'rule'
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (day, rule, unit, matter_type, channel)
        do update set n = kpi_rule_daily.n + excluded.n
        returning 1
      )
      select (select count(*) from gone) + 0 * ((select count(*) from counters)
        ${anyChannel ? "+ (select count(*) from any_channel) " : ""}+ (select count(*) from rules))
      into moved;
      return moved;
    end $$`;
}
