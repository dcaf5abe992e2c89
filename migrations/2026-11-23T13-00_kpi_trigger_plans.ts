// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * Makes the rollup triggers of 2026-11-23T09-00_kpi_rollups cost what they change, whatever the
 * plan PL/pgSQL cached. A trigger's statements are planned once per connection and the plan is
 * kept (no parameters: always the generic plan), sized by the transition table of the first
 * call. A connection that first inserted an intake batch of 1,000 assignments kept a hash join
 * over a sequential scan of `cases` and used it for every later single-row change: a return or
 * a reopening read every case (a 10,000-case demo seed spent 5 s in it; at a million cases a
 * single return would take a quarter of a second).
 *
 * Now the triggers find a changed row's case (and an extension's assignment) by primary key, one
 * lookup per row (`lateral (... limit 1)`, which the planner cannot turn into a scan), and pair
 * old and new rows by hash, never by a nested loop (which a plan made for one row would do for
 * ten thousand: an escalation sweep after a case action on the same connection). Same rows into
 * `kpi_delta`, same numbers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of functions(true)) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of functions(false)) await sql.raw(statement).execute(db);
}

/** The four trigger functions that read other tables (`robust`: this migration's form). */
function functions(robust: boolean): string[] {
  const caseOf = (id: string) =>
    robust
      ? `cross join lateral (select c.type, c.channel from cases c where c.id = ${id} limit 1) c`
      : `join cases c on c.id = ${id}`;
  const assignmentOf = (id: string) =>
    robust
      ? `cross join lateral (select a.role from case_assignments a where a.id = ${id} limit 1) a`
      : `join case_assignments a on a.id = ${id}`;
  // Hash-joins the old and new rows (the only nested loops left are the lookups above and the
  // lateral VALUES). Disabling a plan node adds a huge constant to the plan's cost, which would
  // make PostgreSQL JIT-compile these small statements (300 ms a call): no JIT here.
  const settings = robust ? "set enable_nestloop = off set jit = off" : "reset all";
  return [
    `create or replace function kpi_assignments_inserted() returns trigger language plpgsql as $$
    begin
      insert into kpi_delta (day, unit, matter_type, channel, role, measure, n)
      select kpi_day(a.assigned_at), a.unit, c.type, c.channel, a.role, 'assigned', count(*)
      from new_rows a ${caseOf("a.case_id")}
      group by 1, 2, 3, 4, 5;
      return null;
    end $$`,
    `create or replace function kpi_assignments_updated() returns trigger language plpgsql as $$
    begin
      insert into kpi_delta (day, unit, matter_type, channel, role, measure, bucket, n)
      select e.day, n.unit, c.type, c.channel, n.role, e.measure, e.bucket, count(*)
      from new_rows n join old_rows o on o.id = n.id ${caseOf("n.case_id")}
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
    end $$`,
    `alter function kpi_assignments_updated() ${settings}`,
    `create or replace function kpi_extensions_inserted() returns trigger language plpgsql as $$
    begin
      insert into kpi_delta (day, unit, matter_type, channel, role, measure, n)
      select kpi_day(x.requested_at), x.unit, c.type, c.channel, a.role, 'extensions_requested',
        count(*)
      from new_rows x ${caseOf("x.case_id")}
      ${assignmentOf("x.assignment_id")}
      group by 1, 2, 3, 4, 5;
      return null;
    end $$`,
    `create or replace function kpi_extensions_updated() returns trigger language plpgsql as $$
    begin
      insert into kpi_delta (day, unit, matter_type, channel, role, measure, n)
      select kpi_day(x.decided_at), x.unit, c.type, c.channel, a.role, 'extensions_granted',
        count(*)
      from new_rows x join old_rows o on o.id = x.id ${caseOf("x.case_id")}
      ${assignmentOf("x.assignment_id")}
      where o.status <> 'approved' and x.status = 'approved'
      group by 1, 2, 3, 4, 5;
      return null;
    end $$`,
    `alter function kpi_extensions_updated() ${settings}`,
    `alter function kpi_cases_updated() ${settings}`,
  ];
}
