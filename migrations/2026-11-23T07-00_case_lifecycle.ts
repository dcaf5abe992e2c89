// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * The case lifecycle (#4) and joint handling (#11):
 *
 * - `cases` gains its milestones (accepted, resolved, closed), the citizen's satisfaction and
 *   counters of returns, escalations and reopenings.
 * - `case_assignments`: who is on a case. One row per unit per stint, lead (主办) or assisting
 *   (协办), with its own acceptance and resolution (or contribution) deadlines, original and
 *   extended, and how the stint ended. Assisting work is counted apart from lead work.
 * - `case_timers`: the due work of the sweeper (warnings, escalations, automatic resumption),
 *   one row per planned event, claimed with `FOR UPDATE SKIP LOCKED` through a partial index on
 *   `due_at` over the rows not yet fired. A fired row stays, with its outcome, as the proof that
 *   it fired once.
 * - `case_suspensions` (挂起) and `case_extensions` (延期): their requests and decisions.
 * - `webhook_outbox`: notices to units, written in the transaction of the change and delivered
 *   at least once by a background deliverer.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("cases")
    .addColumn("accepted_at", "timestamptz")
    .addColumn("resolved_at", "timestamptz")
    .addColumn("closed_at", "timestamptz")
    .addColumn("satisfaction", "text")
    .addColumn("return_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("escalation_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reopen_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("case_assignments")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    // Creation order: assignments made in one instant still have an order.
    .addColumn("seq", "bigserial", (c) => c.notNull())
    .addColumn("case_id", "uuid", (c) => c.notNull().references("cases.id"))
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('lead', 'assist')`))
    .addColumn(
      "state",
      "text",
      (c) =>
        c.notNull().check(
          sql`state in ('assigned', 'accepted', 'submitted', 'resolved', 'ended')`,
        ),
    )
    .addColumn("assigned_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("submitted_at", "timestamptz")
    .addColumn("resolved_at", "timestamptz")
    .addColumn("ended_at", "timestamptz")
    .addColumn("end_reason", "text")
    .addColumn("end_note", "text")
    .addColumn("accept_limit", "text", (c) => c.notNull())
    .addColumn("resolve_limit", "text", (c) => c.notNull())
    .addColumn("accept_counting", "text", (c) => c.notNull())
    .addColumn("resolve_counting", "text", (c) => c.notNull())
    .addColumn("accept_by", "timestamptz", (c) => c.notNull())
    .addColumn("accept_warn_at", "timestamptz", (c) => c.notNull())
    .addColumn("resolve_by", "timestamptz", (c) => c.notNull())
    .addColumn("resolve_warn_at", "timestamptz", (c) => c.notNull())
    .addColumn("resolve_by_original", "timestamptz", (c) => c.notNull())
    .addColumn("extension_seconds", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("extensions_granted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("uncovered_years", "text")
    .addColumn("accept_warned_at", "timestamptz")
    .addColumn("resolve_warned_at", "timestamptz")
    .addColumn("accept_breached_at", "timestamptz")
    .addColumn("resolve_breached_at", "timestamptz")
    .execute();
  await db.schema.createIndex("case_assignments_case_idx").on("case_assignments")
    .column("case_id").execute();
  await db.schema.createIndex("case_assignments_unit_idx").on("case_assignments")
    .columns(["unit", "role", "state"]).execute();
  await sql`create index case_assignments_uncovered_idx on case_assignments (case_id)
    where uncovered_years is not null and state <> 'ended'`.execute(db);

  await db.schema
    .createTable("case_timers")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("case_id", "uuid", (c) => c.notNull())
    .addColumn("assignment_id", "uuid")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("due_at", "timestamptz", (c) => c.notNull())
    .addColumn("fired_at", "timestamptz")
    .addColumn("outcome", "text")
    .execute();
  // The sweeper's queue: only rows still to fire, in due order.
  await sql`create index case_timers_due_idx on case_timers (due_at) where fired_at is null`
    .execute(db);
  await sql`create index case_timers_case_idx on case_timers (case_id) where fired_at is null`
    .execute(db);

  await db.schema
    .createTable("case_suspensions")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("case_id", "uuid", (c) => c.notNull().references("cases.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("suspended_at", "timestamptz", (c) => c.notNull())
    .addColumn("suspended_by", "text", (c) => c.notNull())
    .addColumn("resume_at", "timestamptz")
    .addColumn("resumed_at", "timestamptz")
    .addColumn("resumed_by", "text")
    .addColumn("resume_note", "text")
    .execute();
  await db.schema.createIndex("case_suspensions_case_idx").on("case_suspensions")
    .column("case_id").execute();

  await db.schema
    .createTable("case_extensions")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("case_id", "uuid", (c) => c.notNull().references("cases.id"))
    .addColumn("assignment_id", "uuid", (c) => c.notNull().references("case_assignments.id"))
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("requested_at", "timestamptz", (c) => c.notNull())
    .addColumn("previous_due", "timestamptz", (c) => c.notNull())
    .addColumn("proposed_due", "timestamptz", (c) => c.notNull())
    .addColumn(
      "status",
      "text",
      (c) => c.notNull().check(sql`status in ('pending', 'approved', 'refused')`),
    )
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "timestamptz")
    .addColumn("decision_note", "text")
    .addColumn("granted_due", "timestamptz")
    .execute();
  await db.schema.createIndex("case_extensions_case_idx").on("case_extensions")
    .column("case_id").execute();

  await db.schema
    .createTable("webhook_outbox")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("case_id", "uuid", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("delivered_at", "timestamptz")
    .addColumn("gave_up_at", "timestamptz")
    .addColumn("last_error", "text")
    .execute();
  await sql`create index webhook_outbox_due_idx on webhook_outbox (next_attempt_at)
    where delivered_at is null and gave_up_at is null`.execute(db);
  await db.schema.createIndex("webhook_outbox_case_idx").on("webhook_outbox").column("case_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("webhook_outbox").execute();
  await db.schema.dropTable("case_extensions").execute();
  await db.schema.dropTable("case_suspensions").execute();
  await db.schema.dropTable("case_timers").execute();
  await db.schema.dropTable("case_assignments").execute();
  await db.schema
    .alterTable("cases")
    .dropColumn("accepted_at")
    .dropColumn("resolved_at")
    .dropColumn("closed_at")
    .dropColumn("satisfaction")
    .dropColumn("return_count")
    .dropColumn("escalation_count")
    .dropColumn("reopen_count")
    .execute();
}
