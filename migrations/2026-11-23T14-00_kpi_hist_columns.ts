// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * Moves the time histograms of the rollups (2026-11-23T09-00_kpi_rollups) from `kpi_hist`, one
 * row per day, unit, matter type, channel, role, metric and bucket, into columns of `kpi_daily`:
 * `accept_b1` … `accept_b35` and `resolve_b1` … `resolve_b35` (for assisting units, "resolve"
 * is the submitted part), counts of the row's acceptances and resolutions by bucket of minutes.
 *
 * Why: a performance page sums the rollup rows of its period. At a million cases over 120 days,
 * `kpi_hist` had about eight rows per `kpi_daily` row (220,000 rows for 30 days, 670,000 for 90)
 * and summing them took most of a page's time; now a page reads the `kpi_daily` rows of its
 * period once (25,000 for 30 days), counters and histograms together. An acceptance or a
 * resolution always lands in the row of its counter (same day, unit, matter type, channel and
 * role), so no row is added.
 *
 * `kpi_fold()` now moves `h_accept` / `h_resolve` deltas into those columns; the triggers and
 * `kpi_delta` are unchanged.
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

/** Buckets 1..35 of kpi_bucket() (34 edges, then "more"). */
const BUCKETS = Array.from({ length: 35 }, (_, i) => i + 1);

/** The histogram columns, with the `kpi_delta` measure and bucket each one sums. */
const HIST = ["accept", "resolve"].flatMap((metric) =>
  BUCKETS.map((b) => ({ column: `${metric}_b${b}`, measure: `h_${metric}`, metric, bucket: b }))
);

const FOLD_LOCK = 0x5768_6b70; // "Whkp", as before

const KEY = "day, unit, matter_type, channel, role";

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(
    `alter table kpi_daily ${
      HIST.map((h) => `add column ${h.column} integer not null default 0`).join(", ")
    }`,
  ).execute(db);
  // A few days per statement, so that no statement of a large database runs into the
  // service's query timeout (migrations run at start-up).
  const { rows } = await sql<{ day: string }>`select distinct day::text as day from kpi_hist
    order by 1`.execute(db);
  for (let i = 0; i < rows.length; i += 4) {
    const [first, last] = [rows[i].day, rows[Math.min(i + 3, rows.length - 1)].day];
    const days = (alias = "") => `${alias}day between '${first}' and '${last}'`;
    // Every histogram row has its counter row; make sure anyway, then copy the counts across.
    await sql.raw(`insert into kpi_daily (${KEY}) select distinct ${KEY} from kpi_hist
      where ${days()} on conflict (${KEY}) do nothing`).execute(db);
    await sql.raw(
      `update kpi_daily d set ${
        HIST.map((h) => `${h.column} = h.${h.column}`).join(", ")
      } from (select ${KEY}, ${
        HIST.map((h) =>
          `coalesce(sum(n) filter (where metric = '${h.metric}' and bucket = ${h.bucket}), 0)::int
          as ${h.column}`
        ).join(", ")
      } from kpi_hist where ${days()} group by ${KEY}) h
      where ${days("d.")} and (d.day, d.unit, d.matter_type, d.channel, d.role)
        = (h.day, h.unit, h.matter_type, h.channel, h.role)`,
    ).execute(db);
  }
  await sql.raw(fold(true)).execute(db);
  await sql`drop table kpi_hist`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create table kpi_hist (
      day date not null,
      unit text not null,
      matter_type text not null,
      channel text not null,
      role text not null,
      metric text not null,
      bucket smallint not null,
      n integer not null,
      primary key (day, unit, matter_type, channel, role, metric, bucket)
    )`.execute(db);
  await sql.raw(`insert into kpi_hist
    select ${KEY}, h.metric, h.bucket, h.n from kpi_daily
    cross join lateral (values ${
    HIST.map((h) => `('${h.metric}', ${h.bucket}::smallint, ${h.column})`).join(", ")
  }) h(metric, bucket, n) where h.n <> 0`).execute(db);
  await sql.raw(fold(false)).execute(db);
  await sql.raw(`alter table kpi_daily ${HIST.map((h) => `drop column ${h.column}`).join(", ")}`)
    .execute(db);
}

/** `kpi_fold()`: histograms into kpi_daily's columns (`columns`), or into kpi_hist. */
function fold(columns: boolean): string {
  const counted = columns ? [...COUNTERS, ...HIST.map((h) => h.column)] : COUNTERS;
  const sums = [
    ...COUNTERS.map((c) => `coalesce(sum(n) filter (where measure = '${c}'), 0)`),
    ...(columns
      ? HIST.map((h) =>
        `coalesce(sum(n) filter (where measure = '${h.measure}' and bucket = ${h.bucket}), 0)`
      )
      : []),
  ];
  const hist = columns ? "" : `
      hist as (
        insert into kpi_hist (${KEY}, metric, bucket, n)
        select ${KEY}, substr(measure, 3), bucket, sum(n)
        from gone where measure in ('h_accept', 'h_resolve')
        group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (${KEY}, metric, bucket) do update set n = kpi_hist.n + excluded.n
        returning 1
      ),`;
  return `
    create or replace function kpi_fold() returns bigint language plpgsql as $$
    declare moved bigint;
    begin
      perform pg_advisory_xact_lock(${FOLD_LOCK});
      with gone as (delete from kpi_delta returning *),
      counters as (
        insert into kpi_daily (${KEY}, ${counted.join(", ")})
        select ${KEY}, ${sums.join(", ")}
        from gone where measure ${
    columns ? "<> 'rule'" : "not in ('rule', 'h_accept', 'h_resolve')"
  }
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (${KEY}) do update set
          ${counted.map((c) => `${c} = kpi_daily.${c} + excluded.${c}`).join(", ")}
        returning 1
      ),${hist}
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
        ${columns ? "" : "+ (select count(*) from hist) "}+ (select count(*) from rules))
      into moved;
      return moved;
    end $$`;
}
