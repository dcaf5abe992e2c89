/**
 * Bulk-creates open cases for sweeper benchmarks and tests, in SQL (`INSERT ... SELECT
 * generate_series`), not through HTTP: `open` cases assigned to `unit`, each with its lead
 * assignment and its acceptance timers. The first `due` cases are overdue for acceptance at
 * `now` (their warning already given; with `rounds`, more groups of `due` follow, 10 minutes
 * apart); the others are due a day later.
 *
 * @module
 */

import { type Kysely, sql } from "kysely";
import type { Database } from "../src/db/database.ts";

/** What to create. */
export interface SeedOptions {
  open: number;
  due: number;
  now: Date;
  /** A matter type of the active ruleset (its owner should have a parent to escalate to). */
  type: string;
  unit: string;
  /** Rows per statement (default 100,000). */
  chunk?: number;
  /** Prefix of the generated case ids' seed text, so several seeds do not collide. */
  prefix?: string;
  /**
   * Rounds of `due` overdue cases (default 1): round r (from 0) is overdue at `now` plus
   * r × 10 minutes, so one seed serves several timed sweeps.
   */
  rounds?: number;
}

/**
 * Creates the cases (see the module doc) and analyzes the tables. Case ids are
 * `md5(prefix || 'c' || n)::uuid`.
 *
 * @example
 * ```ts ignore
 * await seedOpenCases(db, { open: 1_000_000, due: 10_000, now, type: "MT-MZJ-005", unit: "YG-MZJ" });
 * ```
 */
export async function seedOpenCases(db: Kysely<Database>, options: SeedOptions): Promise<void> {
  const chunk = options.chunk ?? 100_000;
  const prefix = options.prefix ?? "seed";
  const received = new Date(options.now.getTime() - 2 * 3_600_000);
  const dueAt = new Date(options.now.getTime() - 60_000);
  const later = new Date(options.now.getTime() + 86_400_000);
  const overdue = options.due * (options.rounds ?? 1);
  // The acceptance deadline of case g: overdue ones by round, the others a day later.
  const acceptBy = sql`case when g <= ${overdue}
    then ${dueAt}::timestamptz + ((g - 1) / ${options.due}) * interval '10 minutes'
    else ${later}::timestamptz end`;
  const warnLater = new Date(options.now.getTime() + 86_000_000);
  const resolveBy = new Date(options.now.getTime() + 2 * 86_400_000);
  for (let from = 1; from <= options.open; from += chunk) {
    const to = Math.min(options.open, from + chunk - 1);
    await db.transaction().execute(async (trx) => {
      await sql`
        insert into cases (id, source, external_id, type, title, description, urgency, channel,
          reported_at, received_at, state, owner, priority, ruleset_version, accept_by,
          resolve_by, updated_at)
        select md5(${prefix} || 'c' || g)::uuid, 'seed', ${prefix} || '-' || g, ${options.type},
          '道路积水', '', 'normal', 'hotline', ${received}, ${received}, 'assigned',
          ${options.unit}, 'normal', 1, ${acceptBy}, ${resolveBy}, ${received}
        from generate_series(${from}::int, ${to}::int) g`.execute(trx);
      await sql`
        insert into case_assignments (id, case_id, unit, role, state, assigned_at, accept_limit,
          resolve_limit, accept_counting, resolve_counting, accept_by, accept_warn_at,
          resolve_by, resolve_warn_at, resolve_by_original, accept_warned_at)
        select md5(${prefix} || 'a' || g)::uuid, md5(${prefix} || 'c' || g)::uuid,
          ${options.unit}, 'lead', 'assigned', ${received}, 'PT1H', 'P2D', 'calendar',
          'calendar', ${acceptBy},
          case when g <= ${overdue} then ${received}::timestamptz
            else ${warnLater}::timestamptz end,
          ${resolveBy}, ${resolveBy}, ${resolveBy},
          case when g <= ${overdue} then ${received}::timestamptz end
        from generate_series(${from}::int, ${to}::int) g`.execute(trx);
      await sql`
        insert into case_timers (case_id, assignment_id, kind, due_at, fired_at, outcome)
        select md5(${prefix} || 'c' || g)::uuid, md5(${prefix} || 'a' || g)::uuid, k.kind,
          case
            when k.kind = 'warn_accept' and g <= ${overdue} then ${received}::timestamptz
            when k.kind = 'warn_accept' then ${warnLater}::timestamptz
            else ${acceptBy} end,
          case when k.kind = 'warn_accept' and g <= ${overdue}
            then ${received}::timestamptz end,
          case when k.kind = 'warn_accept' and g <= ${overdue} then 'warned' end
        from generate_series(${from}::int, ${to}::int) g,
          (values ('warn_accept'), ('escalate_accept')) as k(kind)`.execute(trx);
    });
  }
  await sql`analyze cases`.execute(db);
  await sql`analyze case_assignments`.execute(db);
  await sql`analyze case_timers`.execute(db);
}
