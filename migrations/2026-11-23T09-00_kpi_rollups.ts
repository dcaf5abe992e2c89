// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * Performance rollups (#6), maintained incrementally by the database itself.
 *
 * - Statement-level triggers (with transition tables) on `cases`, `case_assignments`,
 *   `case_extensions` and `decision_log` turn every change into a few aggregated rows of
 *   `kpi_delta` (long format: one row per day/unit/matter type/channel/role/measure), in the
 *   writer's own transaction. They only ever INSERT: the write path takes no lock on shared
 *   rollup rows, so group-commit writers and case actions never wait for each other or
 *   deadlock on a hot counter.
 * - `kpi_fold()` moves the deltas into the rollups under an advisory lock (one folder at a
 *   time): `kpi_daily` (wide counters), `kpi_hist` (time-to-accept and time-to-resolve
 *   histograms, fixed buckets of minutes) and `kpi_rule_daily` (rules fired). Reports fold
 *   before they read, so they always see every committed change; the cost of a fold is the
 *   number of changes since the last one, never the number of cases.
 * - Days are Beijing days (UTC+8). An event counts on the day it happened (received,
 *   accepted, resolved, closed, returned...).
 * - `cases_open_due_idx`: the open cases by resolve deadline, for "overdue now".
 */

/** Counter columns of kpi_daily; each is also a `measure` of kpi_delta. */
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

/** Upper edges (inclusive) of the histogram buckets, in minutes; bucket 35 is "more". */
const BUCKET_EDGES = [
  5,
  10,
  15,
  20,
  30,
  45,
  60,
  75,
  90,
  120,
  150,
  180,
  240,
  300,
  360,
  480,
  600,
  720,
  960,
  1200,
  1440,
  1800,
  2160,
  2880,
  3600,
  4320,
  5760,
  7200,
  8640,
  10080,
  14400,
  20160,
  30240,
  43200,
];

const FOLD_LOCK = 0x5768_6b70; // "Whkp"

export async function up(db: Kysely<any>): Promise<void> {
  for (
    const statement of statements(`
    create table kpi_delta (
      day date not null,
      unit text not null,
      matter_type text not null,
      channel text not null,
      role text not null,
      measure text not null,
      bucket smallint not null default 0,
      rule text not null default '',
      n integer not null
    );

    create table kpi_daily (
      day date not null,
      unit text not null,
      matter_type text not null,
      channel text not null,
      role text not null,
      ${COUNTERS.map((c) => `${c} integer not null default 0`).join(",\n      ")},
      primary key (day, unit, matter_type, channel, role)
    );
    create index kpi_daily_unit_day_idx on kpi_daily (unit, day);
    create index kpi_daily_type_day_idx on kpi_daily (matter_type, day);

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
    );

    create table kpi_rule_daily (
      day date not null,
      rule text not null,
      unit text not null,
      matter_type text not null,
      channel text not null,
      n integer not null,
      primary key (day, rule, unit, matter_type, channel)
    );

    create function kpi_day(ts timestamptz) returns date language sql immutable as $$
      select ((ts at time zone 'UTC') + interval '8 hours')::date
    $$;

    create function kpi_bucket(minutes double precision) returns smallint language sql immutable as $$
      select (1 + (select count(*) from unnest(array[${
      BUCKET_EDGES.join(",")
    }]::double precision[]) e
                   where e < minutes))::smallint
    $$;

    create function kpi_cases_inserted() returns trigger language plpgsql as $$
    begin
      insert into kpi_delta (day, unit, matter_type, channel, role, measure, n)
      select kpi_day(received_at), owner, type, channel, 'lead', 'received', count(*)
      from new_rows group by 1, 2, 3, 4;
      return null;
    end $$;

    create function kpi_cases_updated() returns trigger language plpgsql as $$
    begin
      insert into kpi_delta (day, unit, matter_type, channel, role, measure, n)
      select e.day, n.owner, n.type, n.channel, 'lead', e.measure, sum(e.k)
      from new_rows n join old_rows o on o.id = n.id
      cross join lateral (values
        (o.closed_at is null and n.closed_at is not null, kpi_day(n.closed_at), 'closed', 1),
        (o.closed_at is null and n.closed_at is not null and n.satisfaction is not null,
          kpi_day(n.closed_at), n.satisfaction, 1),
        (n.reopen_count > o.reopen_count, kpi_day(n.updated_at), 'reopened',
          n.reopen_count - o.reopen_count)
      ) e(hit, day, measure, k)
      where e.hit and e.measure in ('closed', 'satisfied', 'basic', 'unsatisfied', 'reopened')
      group by 1, 2, 3, 4, 6;
      return null;
    end $$;

    create function kpi_assignments_inserted() returns trigger language plpgsql as $$
    begin
      insert into kpi_delta (day, unit, matter_type, channel, role, measure, n)
      select kpi_day(a.assigned_at), a.unit, c.type, c.channel, a.role, 'assigned', count(*)
      from new_rows a join cases c on c.id = a.case_id
      group by 1, 2, 3, 4, 5;
      return null;
    end $$;

    create function kpi_assignments_updated() returns trigger language plpgsql as $$
    begin
      insert into kpi_delta (day, unit, matter_type, channel, role, measure, bucket, n)
      select e.day, n.unit, c.type, c.channel, n.role, e.measure, e.bucket, count(*)
      from new_rows n join old_rows o on o.id = n.id join cases c on c.id = n.case_id
      cross join lateral (values
        (o.accepted_at is null and n.accepted_at is not null,
          kpi_day(n.accepted_at), 'accepted', 0::smallint),
        (o.accepted_at is null and n.accepted_at <= n.accept_by,
          kpi_day(n.accepted_at), 'accepted_on_time', 0::smallint),
        (o.accepted_at is null and n.accepted_at is not null, kpi_day(n.accepted_at), 'h_accept',
          kpi_bucket(extract(epoch from n.accepted_at - n.assigned_at) / 60)),
        (o.resolved_at is null and n.resolved_at is not null,
          kpi_day(n.resolved_at), 'resolved', 0::smallint),
        (o.resolved_at is null and n.resolved_at <= n.resolve_by,
          kpi_day(n.resolved_at), 'resolved_on_time', 0::smallint),
        (o.resolved_at is null and n.resolved_at <= n.resolve_by_original,
          kpi_day(n.resolved_at), 'resolved_on_time_original', 0::smallint),
        (o.resolved_at is null and n.resolved_at is not null and n.extensions_granted > 0,
          kpi_day(n.resolved_at), 'resolved_extended', 0::smallint),
        (o.resolved_at is null and n.extensions_granted > 0 and n.resolved_at <= n.resolve_by,
          kpi_day(n.resolved_at), 'resolved_extended_on_time', 0::smallint),
        (o.resolved_at is null and n.extensions_granted > 0
          and n.resolved_at <= n.resolve_by_original,
          kpi_day(n.resolved_at), 'resolved_extended_on_time_original', 0::smallint),
        (o.resolved_at is null and n.resolved_at is not null, kpi_day(n.resolved_at), 'h_resolve',
          kpi_bucket(extract(epoch from n.resolved_at - n.assigned_at) / 60)),
        (o.submitted_at is null and n.submitted_at is not null,
          kpi_day(n.submitted_at), 'submitted', 0::smallint),
        (o.submitted_at is null and n.submitted_at <= n.resolve_by,
          kpi_day(n.submitted_at), 'submitted_on_time', 0::smallint),
        (o.submitted_at is null and n.submitted_at is not null, kpi_day(n.submitted_at),
          'h_resolve', kpi_bucket(extract(epoch from n.submitted_at - n.assigned_at) / 60)),
        (o.state <> 'ended' and n.state = 'ended' and n.end_reason = 'returned',
          kpi_day(n.ended_at), 'returned', 0::smallint),
        (o.state <> 'ended' and n.state = 'ended' and n.end_reason = 'escalated',
          kpi_day(n.ended_at), 'escalated', 0::smallint)
      ) e(hit, day, measure, bucket)
      where e.hit
      group by 1, 2, 3, 4, 5, 6, 7;
      return null;
    end $$;

    create function kpi_extensions_inserted() returns trigger language plpgsql as $$
    begin
      insert into kpi_delta (day, unit, matter_type, channel, role, measure, n)
      select kpi_day(x.requested_at), x.unit, c.type, c.channel, a.role, 'extensions_requested',
        count(*)
      from new_rows x join cases c on c.id = x.case_id
      join case_assignments a on a.id = x.assignment_id
      group by 1, 2, 3, 4, 5;
      return null;
    end $$;

    create function kpi_extensions_updated() returns trigger language plpgsql as $$
    begin
      insert into kpi_delta (day, unit, matter_type, channel, role, measure, n)
      select kpi_day(x.decided_at), x.unit, c.type, c.channel, a.role, 'extensions_granted',
        count(*)
      from new_rows x join old_rows o on o.id = x.id join cases c on c.id = x.case_id
      join case_assignments a on a.id = x.assignment_id
      where o.status <> 'approved' and x.status = 'approved'
      group by 1, 2, 3, 4, 5;
      return null;
    end $$;

    create function kpi_decisions_inserted() returns trigger language plpgsql as $$
    begin
      insert into kpi_delta (day, unit, matter_type, channel, role, measure, rule, n)
      select kpi_day(d.created_at), coalesce(d.outcome ->> 'owner', ''),
        coalesce(d.facts ->> 'type', ''), coalesce(d.facts ->> 'channel', ''), 'lead', 'rule',
        r.value ->> 'name', count(*)
      from new_rows d
      cross join lateral jsonb_array_elements(
        case when jsonb_typeof(d.matched_rules) = 'array' then d.matched_rules else '[]' end) r
      where d.case_id is not null and r.value ->> 'name' is not null
      group by 1, 2, 3, 4, 7;
      return null;
    end $$;

    create trigger kpi_cases_insert after insert on cases
      referencing new table as new_rows for each statement execute function kpi_cases_inserted();
    create trigger kpi_cases_update after update on cases
      referencing old table as old_rows new table as new_rows
      for each statement execute function kpi_cases_updated();
    create trigger kpi_assignments_insert after insert on case_assignments
      referencing new table as new_rows
      for each statement execute function kpi_assignments_inserted();
    create trigger kpi_assignments_update after update on case_assignments
      referencing old table as old_rows new table as new_rows
      for each statement execute function kpi_assignments_updated();
    create trigger kpi_extensions_insert after insert on case_extensions
      referencing new table as new_rows
      for each statement execute function kpi_extensions_inserted();
    create trigger kpi_extensions_update after update on case_extensions
      referencing old table as old_rows new table as new_rows
      for each statement execute function kpi_extensions_updated();
    create trigger kpi_decisions_insert after insert on decision_log
      referencing new table as new_rows
      for each statement execute function kpi_decisions_inserted();

    create function kpi_fold() returns bigint language plpgsql as $$
    declare moved bigint;
    begin
      perform pg_advisory_xact_lock(${FOLD_LOCK});
      with gone as (delete from kpi_delta returning *),
      counters as (
        insert into kpi_daily (day, unit, matter_type, channel, role, ${COUNTERS.join(", ")})
        select day, unit, matter_type, channel, role,
          ${
      COUNTERS.map((c) => `coalesce(sum(n) filter (where measure = '${c}'), 0)`).join(
        ",\n          ",
      )
    }
        from gone where measure not in ('rule', 'h_accept', 'h_resolve')
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (day, unit, matter_type, channel, role) do update set
          ${COUNTERS.map((c) => `${c} = kpi_daily.${c} + excluded.${c}`).join(",\n          ")}
        returning 1
      ),
      hist as (
        insert into kpi_hist (day, unit, matter_type, channel, role, metric, bucket, n)
        select day, unit, matter_type, channel, role, substr(measure, 3), bucket, sum(n)
        from gone where measure in ('h_accept', 'h_resolve')
        group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (day, unit, matter_type, channel, role, metric, bucket)
        do update set n = kpi_hist.n + excluded.n
        returning 1
      ),
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
        + (select count(*) from hist) + (select count(*) from rules))
      into moved;
      return moved;
    end $$;

    create index cases_open_due_idx on cases (resolve_by) include (owner, type, channel)
      where state not in ('resolved', 'closed');
`)
  ) await sql.raw(statement).execute(db);

  await backfill(db);
}

/** Rolls up what is already stored (a database migrated with cases in it). */
async function backfill(db: Kysely<any>): Promise<void> {
  // Replaying each table's rows through the update triggers' logic: every row "changes" from
  // nothing to what it is now. Reopenings are counted on the case's last update.
  await sql`
    insert into kpi_delta (day, unit, matter_type, channel, role, measure, n)
    select kpi_day(received_at), owner, type, channel, 'lead', 'received', count(*)
    from cases group by 1, 2, 3, 4`.execute(db);
  await sql`
    insert into kpi_delta (day, unit, matter_type, channel, role, measure, n)
    select e.day, c.owner, c.type, c.channel, 'lead', e.measure, sum(e.k)
    from cases c cross join lateral (values
      (c.closed_at is not null, kpi_day(c.closed_at), 'closed', 1),
      (c.closed_at is not null and c.satisfaction is not null, kpi_day(c.closed_at), c.satisfaction, 1),
      (c.reopen_count > 0, kpi_day(c.updated_at), 'reopened', c.reopen_count)
    ) e(hit, day, measure, k)
    where e.hit and e.measure in ('closed', 'satisfied', 'basic', 'unsatisfied', 'reopened')
    group by 1, 2, 3, 4, 6`.execute(db);
  // Assignments: as if each was inserted and then updated from an empty row.
  await sql`
    insert into kpi_delta (day, unit, matter_type, channel, role, measure, n)
    select kpi_day(a.assigned_at), a.unit, c.type, c.channel, a.role, 'assigned', count(*)
    from case_assignments a join cases c on c.id = a.case_id group by 1, 2, 3, 4, 5`.execute(db);
  await sql`
    insert into kpi_delta (day, unit, matter_type, channel, role, measure, bucket, n)
    select e.day, n.unit, c.type, c.channel, n.role, e.measure, e.bucket, count(*)
    from case_assignments n join cases c on c.id = n.case_id
    cross join lateral (values
      (n.accepted_at is not null, kpi_day(n.accepted_at), 'accepted', 0::smallint),
      (n.accepted_at <= n.accept_by, kpi_day(n.accepted_at), 'accepted_on_time', 0::smallint),
      (n.accepted_at is not null, kpi_day(n.accepted_at), 'h_accept',
        kpi_bucket(extract(epoch from n.accepted_at - n.assigned_at) / 60)),
      (n.resolved_at is not null, kpi_day(n.resolved_at), 'resolved', 0::smallint),
      (n.resolved_at <= n.resolve_by, kpi_day(n.resolved_at), 'resolved_on_time', 0::smallint),
      (n.resolved_at <= n.resolve_by_original, kpi_day(n.resolved_at),
        'resolved_on_time_original', 0::smallint),
      (n.resolved_at is not null and n.extensions_granted > 0, kpi_day(n.resolved_at),
        'resolved_extended', 0::smallint),
      (n.extensions_granted > 0 and n.resolved_at <= n.resolve_by, kpi_day(n.resolved_at),
        'resolved_extended_on_time', 0::smallint),
      (n.extensions_granted > 0 and n.resolved_at <= n.resolve_by_original,
        kpi_day(n.resolved_at), 'resolved_extended_on_time_original', 0::smallint),
      (n.resolved_at is not null, kpi_day(n.resolved_at), 'h_resolve',
        kpi_bucket(extract(epoch from n.resolved_at - n.assigned_at) / 60)),
      (n.submitted_at is not null, kpi_day(n.submitted_at), 'submitted', 0::smallint),
      (n.submitted_at <= n.resolve_by, kpi_day(n.submitted_at), 'submitted_on_time', 0::smallint),
      (n.submitted_at is not null, kpi_day(n.submitted_at), 'h_resolve',
        kpi_bucket(extract(epoch from n.submitted_at - n.assigned_at) / 60)),
      (n.state = 'ended' and n.end_reason = 'returned', kpi_day(n.ended_at), 'returned', 0::smallint),
      (n.state = 'ended' and n.end_reason = 'escalated', kpi_day(n.ended_at), 'escalated',
        0::smallint)
    ) e(hit, day, measure, bucket)
    where e.hit
    group by 1, 2, 3, 4, 5, 6, 7`.execute(db);
  await sql`
    insert into kpi_delta (day, unit, matter_type, channel, role, measure, n)
    select e.day, x.unit, c.type, c.channel, a.role, e.measure, count(*)
    from case_extensions x join cases c on c.id = x.case_id
    join case_assignments a on a.id = x.assignment_id
    cross join lateral (values
      (true, kpi_day(x.requested_at), 'extensions_requested'),
      (x.status = 'approved', kpi_day(x.decided_at), 'extensions_granted')
    ) e(hit, day, measure)
    where e.hit group by 1, 2, 3, 4, 5, 6`.execute(db);
  await sql`
    insert into kpi_delta (day, unit, matter_type, channel, role, measure, rule, n)
    select kpi_day(d.created_at), coalesce(d.outcome ->> 'owner', ''),
      coalesce(d.facts ->> 'type', ''), coalesce(d.facts ->> 'channel', ''), 'lead', 'rule',
      r.value ->> 'name', count(*)
    from decision_log d
    cross join lateral jsonb_array_elements(
      case when jsonb_typeof(d.matched_rules) = 'array' then d.matched_rules else '[]' end) r
    where d.case_id is not null and r.value ->> 'name' is not null
    group by 1, 2, 3, 4, 7`.execute(db);
  await sql`select kpi_fold()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (
    const statement of statements(`
    drop index if exists cases_open_due_idx;
    drop trigger kpi_decisions_insert on decision_log;
    drop trigger kpi_extensions_update on case_extensions;
    drop trigger kpi_extensions_insert on case_extensions;
    drop trigger kpi_assignments_update on case_assignments;
    drop trigger kpi_assignments_insert on case_assignments;
    drop trigger kpi_cases_update on cases;
    drop trigger kpi_cases_insert on cases;
    drop function kpi_fold();
    drop function kpi_decisions_inserted();
    drop function kpi_extensions_updated();
    drop function kpi_extensions_inserted();
    drop function kpi_assignments_updated();
    drop function kpi_assignments_inserted();
    drop function kpi_cases_updated();
    drop function kpi_cases_inserted();
    drop function kpi_bucket(double precision);
    drop function kpi_day(timestamptz);
    drop table kpi_rule_daily;
    drop table kpi_hist;
    drop table kpi_daily;
    drop table kpi_delta;
`)
  ) await sql.raw(statement).execute(db);
}

/**
 * The statements of a script, one per `;` at the end of a line (drivers with the extended
 * protocol take one statement at a time). Function bodies end their lines with `;` inside
 * `$$`, so those are kept together.
 */
function statements(script: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const line of script.split("\n")) {
    current += line + "\n";
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) quoted = !quoted;
    if (!quoted && /;\s*$/.test(line)) {
      out.push(current.trim().replace(/;$/, ""));
      current = "";
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
