/**
 * One sweep batch: claim due timers, fire them, all in one transaction.
 *
 * Timers are claimed with `FOR UPDATE OF t, c SKIP LOCKED` (the timer row and its case row)
 * through the partial index on `due_at` of unfired timers: a timer another sweeper holds, or
 * whose case a user action holds, is skipped (and found again later), so any number of
 * instances fire each timer exactly once. Firing marks the timer (`fired_at`, `outcome`) in the
 * same transaction as its effect, so a restart neither loses nor repeats one.
 *
 * Warnings, escalations and their decision-log entries, timeline entries and webhook notices
 * are written set-based (a few statements per batch, whatever its size); automatic
 * resumptions, which are rare, go through the ordinary case action.
 *
 * @module
 */

import { type Insertable, type Kysely, sql, type Transaction } from "kysely";
import { appendDecisions } from "../audit/append_decisions.ts";
import type { DecisionEntry } from "../audit/decision_entry.ts";
import {
  type AssignmentRow,
  caseAssignments as caseAssignmentRows,
  insertAssignments,
} from "../cases/assignment_repository.ts";
import type { CaseActor } from "../cases/case_actor.ts";
import { appendCaseEvents, type NewCaseEvent } from "../cases/case_event_repository.ts";
import { beijingText, spanText } from "../cases/lifecycle_text.ts";
import { newAssignment } from "../cases/new_assignment.ts";
import { resumeLockedCase } from "../cases/resume_case.ts";
import { applyCaseAction } from "../cases/run_case_action.ts";
import type { Database } from "../db/database.ts";
import type { CaseTimerTable, TimerKind } from "../db/tables/case_timer_table.ts";
import type { LifecycleMetrics } from "../observability/lifecycle_metrics.ts";
import { enqueueNotices } from "../notifications/enqueue_notices.ts";
import type { OutgoingNotice } from "../notifications/webhook_notice.ts";
import type { Logger } from "../observability/logger.ts";
import type { CompiledRuleset } from "../routing/compile_ruleset.ts";
import { escalationTarget } from "../routing/escalation_target.ts";
import type { AppliedLimits } from "../routing/decision.ts";
import {
  assignmentLimits,
  type AssignmentPlan,
  planAssignment,
} from "../routing/plan_assignment.ts";
import { insertTimers } from "./case_timer_repository.ts";
import { planCaseTimers } from "./plan_case_timers.ts";

/** What the sweeper needs. */
export interface SweepDeps {
  db: Kysely<Database>;
  ruleset: { readonly current: CompiledRuleset };
  metrics?: LifecycleMetrics;
  logger?: Logger;
  /** Called after a commit that queued webhook notices. */
  onNotices?: () => void;
}

/** What one batch did. */
export interface SweepReport {
  claimed: number;
  warned: number;
  escalated: number;
  resumed: number;
  /** Escalations due at the top of the chain: recorded as breaches, nowhere to go. */
  breached: number;
  /** Timers whose reason had gone (e.g. the case was accepted meanwhile). */
  obsolete: number;
}

/** How the sweeper is named in the timeline and the decision log. */
export const SWEEPER_ACTOR: CaseActor = {
  label: "system:sweeper",
  role: "system",
  unit: null,
  requestId: null,
};

interface ClaimedTimer {
  id: number;
  case_id: string;
  assignment_id: string | null;
  kind: TimerKind;
  due_at: Date;
  /** Of the case, read with the claim. */
  type: string;
  state: string;
  owner: string;
  priority: "normal" | "urgent";
  title: string;
}

/** The columns of an assignment firing reads. */
type Assignment = Pick<
  AssignmentRow,
  | "id"
  | "case_id"
  | "unit"
  | "role"
  | "state"
  | "accept_by"
  | "resolve_by"
  | "accept_limit"
  | "resolve_limit"
  | "accept_counting"
  | "resolve_counting"
  | "accept_warned_at"
  | "resolve_warned_at"
>;

type Outcome = "warned" | "escalated" | "no_higher_unit" | "resumed" | "obsolete";

/** Values of `rows` grouped by `key`. */
function groupBy<T, K, V>(rows: readonly T[], key: (row: T) => K, value: (row: T) => V) {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(value(row));
    else groups.set(k, [value(row)]);
  }
  return groups;
}

/**
 * Claims up to `limit` timers due at `now` and fires them in one transaction (see the module
 * doc). Metrics are counted and the deliverer woken after the commit.
 *
 * @example
 * ```ts ignore
 * const report = await sweepDueTimers(deps, new Date(), 500);
 * console.log(`${report.escalated} escalated, ${report.warned} warned`);
 * ```
 */
export async function sweepDueTimers(
  deps: SweepDeps,
  now: Date,
  limit: number,
): Promise<SweepReport> {
  const ruleset = deps.ruleset.current;
  const report: SweepReport = {
    claimed: 0,
    warned: 0,
    escalated: 0,
    resumed: 0,
    breached: 0,
    obsolete: 0,
  };
  const after: (() => void)[] = [];
  let notified = 0;
  await deps.db.transaction().execute(async (trx) => {
    // Asynchronous commit: a crash may lose the last sweep batches, but each batch is atomic
    // (its timers are marked fired in the transaction that acts on them), so a lost batch is
    // simply claimed and fired again after the restart; nothing fires twice.
    await sql`set local synchronous_commit = off`.execute(trx);
    const claimed = (await sql<ClaimedTimer>`
      select t.id, t.case_id, t.assignment_id, t.kind, t.due_at,
        c.type, c.state, c.owner, c.priority, c.title
      from case_timers t join cases c on c.id = t.case_id
      where t.fired_at is null and t.due_at <= ${now}
      order by t.due_at
      limit ${limit}
      for update of t, c skip locked`.execute(trx)).rows.map((t) => ({
      ...t,
      id: Number(t.id),
      due_at: new Date(t.due_at),
    }));
    report.claimed = claimed.length;
    if (claimed.length === 0) return;
    const result = await fire(trx, deps, ruleset, claimed, now, report);
    after.push(...result.after);
    notified = result.notices;
  });
  for (const fn of after) fn();
  if (notified > 0) deps.onNotices?.();
  return report;
}

async function fire(
  trx: Transaction<Database>,
  deps: SweepDeps,
  ruleset: CompiledRuleset,
  claimed: ClaimedTimer[],
  now: Date,
  report: SweepReport,
): Promise<{ after: (() => void)[]; notices: number }> {
  const after: (() => void)[] = [];
  const caseIds = [...new Set(claimed.map((t) => t.case_id))];
  // Only what firing needs, read with the claim (a resumption re-reads its case whole).
  const cases = new Map(
    claimed.map((t) => [t.case_id, {
      id: t.case_id,
      type: t.type,
      state: t.state,
      owner: t.owner,
      priority: t.priority,
      title: t.title,
    }]),
  );
  // Plans depend only on the type, urgency, role and cap at one `now`: computed once each.
  const plans = new Map<string, { limits: AppliedLimits; plan: AssignmentPlan }>();
  const planFor = (type: string, urgent: boolean, role: "lead" | "assist", cap?: Date) => {
    const key = `${type}|${urgent}|${role}|${cap?.getTime() ?? ""}`;
    let found = plans.get(key);
    if (!found) {
      const limits = assignmentLimits(ruleset, type, urgent, role);
      found = { limits, plan: planAssignment(ruleset, limits, now, { cap }) };
      plans.set(key, found);
    }
    return found;
  };
  const assignments: Assignment[] = await trx.selectFrom("case_assignments")
    .select([
      "id",
      "case_id",
      "unit",
      "role",
      "state",
      "accept_by",
      "resolve_by",
      "accept_limit",
      "resolve_limit",
      "accept_counting",
      "resolve_counting",
      "accept_warned_at",
      "resolve_warned_at",
    ])
    .where("case_id", "in", caseIds).orderBy("seq").execute();
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const byCase = new Map<string, Assignment[]>();
  for (const a of assignments) {
    const list = byCase.get(a.case_id);
    if (list) list.push(a);
    else byCase.set(a.case_id, [a]);
  }
  const nameZh = (code: string) => ruleset.units.get(code)?.name_zh ?? code;
  const nameEn = (code: string) => ruleset.units.get(code)?.name_en ?? code;

  const outcomes: { id: number; outcome: Outcome }[] = [];
  const warnedAccept: string[] = [];
  const warnedResolve: string[] = [];
  const breachedAccept: string[] = [];
  const breachedResolve: string[] = [];
  const ended: { id: string; reason: string }[] = [];
  const created: ReturnType<typeof newAssignment>[] = [];
  const caseUpdates: { id: string; owner: string; accept_by: string; resolve_by: string }[] = [];
  const endSuspensions: string[] = [];
  const events: NewCaseEvent[] = [];
  const decisions: DecisionEntry[] = [];
  const notices: OutgoingNotice[] = [];
  const resumes: string[] = [];
  const escalatedCases = new Set<string>();

  const live = (a: Assignment | undefined): a is Assignment =>
    a !== undefined && (a.state === "assigned" || a.state === "accepted");

  for (const timer of claimed) {
    const row = cases.get(timer.case_id)!;
    if (timer.kind === "resume") {
      const ok = row.state === "suspended" && !escalatedCases.has(row.id);
      outcomes.push({ id: timer.id, outcome: ok ? "resumed" : "obsolete" });
      if (ok) resumes.push(row.id);
      continue;
    }
    const a = timer.assignment_id ? byId.get(timer.assignment_id) : undefined;
    const limit = timer.kind.endsWith("accept") ? "accept" : "resolve";
    const valid = live(a) && (limit === "resolve" || a.state === "assigned");
    if (!valid) {
      outcomes.push({ id: timer.id, outcome: "obsolete" });
      report.obsolete++;
      continue;
    }
    const due = limit === "accept" ? a.accept_by : a.resolve_by;
    const limitText = limit === "accept" ? a.accept_limit : a.resolve_limit;
    const working = (limit === "accept" ? a.accept_counting : a.resolve_counting) === "working";
    const limitZh = limit === "accept" ? "签收时限" : a.role === "lead" ? "办结时限" : "协办时限";
    const limitEn = limit === "accept"
      ? "acceptance limit"
      : a.role === "lead"
      ? "resolution limit"
      : "contribution limit";

    if (timer.kind === "warn_accept" || timer.kind === "warn_resolve") {
      if ((limit === "accept" ? a.accept_warned_at : a.resolve_warned_at) !== null) {
        outcomes.push({ id: timer.id, outcome: "obsolete" });
        report.obsolete++;
        continue;
      }
      (limit === "accept" ? warnedAccept : warnedResolve).push(a.id);
      if (limit === "accept") a.accept_warned_at = now;
      else a.resolve_warned_at = now;
      outcomes.push({ id: timer.id, outcome: "warned" });
      report.warned++;
      const left = spanText(due.getTime() - now.getTime());
      events.push({
        case_id: row.id,
        at: now,
        kind: "warning",
        actor: SWEEPER_ACTOR.label,
        unit: a.unit,
        note:
          `${nameZh(a.unit)}的${limitZh}将于${
            beijingText(due)
          }（北京时间）到期，还剩${left.zh}。 ` +
          `The ${limitEn} of ${nameEn(a.unit)} ends at ${due.toISOString()}, in ${left.en}.`,
        data: {
          limit,
          role: a.role,
          due_at: due.toISOString(),
          fraction: ruleset.lifecycle.warnAt,
        },
      });
      const unit = a.unit;
      after.push(() => deps.metrics?.warning(unit));
      continue;
    }

    // An escalation: the limit has passed.
    const caseAssignments = byCase.get(row.id) ?? [];
    const heldBefore = caseAssignments.filter((x) => x.role === "lead").map((x) => x.unit);
    const target = escalationTarget(ruleset, row.type, a.unit, a.role, heldBefore);
    const overdue = now.getTime() - due.getTime();
    const late = spanText(overdue);
    const limitWords = {
      zh: `${limitZh}（${limitText}${working ? "，按工作时间计" : ""}）`,
      en: `${limitEn} (${limitText}${working ? " of working time" : ""})`,
    };
    if (!target) {
      (limit === "accept" ? breachedAccept : breachedResolve).push(a.id);
      outcomes.push({ id: timer.id, outcome: "no_higher_unit" });
      report.breached++;
      events.push({
        case_id: row.id,
        at: now,
        kind: "overdue",
        actor: SWEEPER_ACTOR.label,
        unit: a.unit,
        note: `${nameZh(a.unit)}已超过${limitWords.zh}${late.zh}，但已无上级单位可升级。 ` +
          `${
            nameEn(a.unit)
          } is ${late.en} past its ${limitWords.en}, and there is no unit above it.`,
        data: { limit, role: a.role, due_at: due.toISOString(), overdue_ms: overdue },
      });
      continue;
    }
    outcomes.push({ id: timer.id, outcome: "escalated" });
    report.escalated++;
    ended.push({ id: a.id, reason: "escalated" });
    a.state = "ended";
    const lead = caseAssignments.find((x) => x.role === "lead" && live(x));
    let newRow: ReturnType<typeof newAssignment> | null = null;
    let plan: AssignmentPlan | null = null;
    const urgent = row.priority === "urgent";
    if (a.role === "lead") {
      for (const x of caseAssignments) {
        if (x.role === "assist" && x.unit === target.unit && live(x)) {
          ended.push({ id: x.id, reason: "promoted" });
          x.state = "ended";
        }
      }
      const planned = planFor(row.type, urgent, "lead");
      plan = planned.plan;
      newRow = newAssignment(row.id, target.unit, "lead", planned.limits, plan, now);
      caseUpdates.push({
        id: row.id,
        owner: target.unit,
        accept_by: plan.accept_by.toISOString(),
        resolve_by: plan.resolve_by.toISOString(),
      });
      if (row.state === "suspended") endSuspensions.push(row.id);
      escalatedCases.add(row.id);
      row.owner = target.unit;
      row.state = "assigned";
    } else if (
      !caseAssignments.some((x) => x.unit === target.unit && live(x))
    ) {
      const planned = planFor(row.type, urgent, "assist", lead?.resolve_by);
      plan = planned.plan;
      newRow = newAssignment(row.id, target.unit, "assist", planned.limits, plan, now);
    }
    if (newRow) {
      created.push(newRow);
      const asRow = { ...newRow, accept_warned_at: null, resolve_warned_at: null } as Assignment;
      assignments.push(asRow);
      caseAssignments.push(asRow);
      byCase.set(row.id, caseAssignments);
      byId.set(asRow.id, asRow);
    }
    const role = a.role;
    const reason = {
      zh: `${nameZh(a.unit)}${role === "lead" ? "" : "（协办）"}应于${
        beijingText(due)
      }（北京时间）前${
        limit === "accept" ? "签收" : role === "lead" ? "办结" : "提交协办意见"
      }，已超过${limitWords.zh}${late.zh}。升级至${target.why.zh}督办${
        newRow
          ? (role === "lead" ? "，由其承办并重新计算期限" : "，由其协办")
          : "（其已在办理本案）"
      }。`,
      en: `${nameEn(a.unit)}${role === "lead" ? "" : " (assisting)"} was to ${
        limit === "accept" ? "accept" : role === "lead" ? "resolve" : "submit its part"
      } by ${due.toISOString()}: ${late.en} past its ${limitWords.en}. Escalated to ${target.why.en}${
        newRow
          ? (role === "lead"
            ? ", which takes the case with new deadlines"
            : ", which assists instead")
          : " (already on the case)"
      }.`,
    };
    decisions.push({
      case_id: row.id,
      kind: "escalate",
      ruleset_version: ruleset.version,
      ruleset_hash: ruleset.hash,
      matched_rules: [],
      facts: {
        type: row.type,
        unit: a.unit,
        role,
        limit: `${limit} ${limitText}${working ? " working" : ""}`,
        due_at: due.toISOString(),
      },
      outcome: {
        owner: row.owner,
        from_unit: a.unit,
        to_unit: target.unit,
        via: target.via,
        limit,
        overdue_ms: overdue,
      },
      reason,
      actor: SWEEPER_ACTOR.label,
      request_id: null,
      created_at: now,
    });
    events.push({
      case_id: row.id,
      at: now,
      kind: "escalated",
      actor: SWEEPER_ACTOR.label,
      unit: target.unit,
      note: `${reason.zh} ${reason.en}`,
      data: {
        from: a.unit,
        to: target.unit,
        role,
        limit,
        via: target.via,
        due_at: due.toISOString(),
        overdue_ms: overdue,
      },
    });
    const url = newRow ? ruleset.units.get(target.unit)?.webhook_url : undefined;
    if (url && newRow && plan) {
      notices.push({
        case_id: row.id,
        unit: target.unit,
        url,
        event: "escalated",
        created_at: now,
        payload: {
          event: "escalated",
          unit: target.unit,
          role,
          case: {
            id: row.id,
            type: row.type,
            title: row.title,
            state: row.state,
            owner: row.owner,
            priority: row.priority,
            accept_by: plan.accept_by.toISOString(),
            resolve_by: plan.resolve_by.toISOString(),
          },
          at: now.toISOString(),
        },
      });
    }
    const from = a.unit;
    after.push(() => deps.metrics?.escalation(from, limit));
  }

  // An assignment made earlier in this batch and ended again (promoted to lead) is inserted
  // as ended, with no timers.
  const createdById = new Map(created.map((c) => [c.id, c]));
  for (let i = ended.length - 1; i >= 0; i--) {
    const row = createdById.get(ended[i].id);
    if (!row) continue;
    Object.assign(row, { state: "ended", ended_at: now, end_reason: ended[i].reason });
    ended.splice(i, 1);
  }

  // Every claimed timer is marked first: re-planning below only replaces unfired ones.
  for (const [outcome, ids] of groupBy(outcomes, (o) => o.outcome, (o) => o.id)) {
    await trx.updateTable("case_timers").set({ fired_at: now, outcome })
      .where("id", "in", ids).execute();
  }
  for (
    const [column, ids] of [
      ["accept_warned_at", warnedAccept],
      ["resolve_warned_at", warnedResolve],
      ["accept_breached_at", breachedAccept],
      ["resolve_breached_at", breachedResolve],
    ] as const
  ) {
    if (ids.length > 0) {
      await trx.updateTable("case_assignments").set({ [column]: now }).where("id", "in", ids)
        .execute();
    }
  }
  if (ended.length > 0) {
    for (const [reason, ids] of groupBy(ended, (e) => e.reason, (e) => e.id)) {
      await trx.updateTable("case_assignments")
        .set({ state: "ended", ended_at: now, end_reason: reason, uncovered_years: null })
        .where("id", "in", ids).execute();
    }
    // The ended assignments' other timers go. SKIP LOCKED: another sweeper may hold one (it
    // claimed it and then skipped its case, locked by us); left behind, it fires as obsolete.
    // Waiting for it instead could deadlock two sweepers waiting for each other.
    await sql`
      delete from case_timers where id in (
        select id from case_timers
        where case_id in (${sql.join([...new Set(claimed.map((t) => t.case_id))])})
          and fired_at is null
          and assignment_id in (${sql.join(ended.map((e) => e.id))})
        for update skip locked)`.execute(trx);
  }
  if (created.length > 0) {
    await insertAssignments(trx, created);
    const timers: Insertable<CaseTimerTable>[] = planCaseTimers(
      created.filter((c) => c.state !== "ended").map((c) => ({
        id: c.id,
        case_id: c.case_id,
        state: "assigned",
        accept_by: c.accept_by as Date,
        accept_warn_at: c.accept_warn_at as Date,
        resolve_by: c.resolve_by as Date,
        resolve_warn_at: c.resolve_warn_at as Date,
        accept_warned_at: null,
        resolve_warned_at: null,
      })),
      null,
    );
    await insertTimers(trx, timers);
  }
  // Cases escalated to the same unit with the same deadlines: one statement each.
  for (
    const [key, ids] of groupBy(
      caseUpdates,
      (u) => `${u.owner}|${u.accept_by}|${u.resolve_by}`,
      (u) => u.id,
    )
  ) {
    const [owner, acceptBy, resolveBy] = key.split("|");
    await trx.updateTable("cases").set((eb) => ({
      owner,
      state: "assigned",
      accepted_at: null,
      accept_by: new Date(acceptBy),
      resolve_by: new Date(resolveBy),
      escalation_count: eb("escalation_count", "+", 1),
      updated_at: now,
    })).where("id", "in", ids).execute();
  }
  if (endSuspensions.length > 0) {
    await trx.updateTable("case_suspensions")
      .set({ resumed_at: now, resumed_by: SWEEPER_ACTOR.label, resume_note: "escalated" })
      .where("case_id", "in", endSuspensions).where("resumed_at", "is", null).execute();
  }
  await appendCaseEvents(trx, events);
  await enqueueNotices(trx, notices);

  let notified = notices.length;
  for (const caseId of resumes) {
    const locked = {
      row: await trx.selectFrom("cases").selectAll().where("id", "=", caseId)
        .executeTakeFirstOrThrow(),
      assignments: await caseAssignmentRows(trx, caseId),
      suspensions: await trx.selectFrom("case_suspensions").selectAll()
        .where("case_id", "=", caseId).orderBy("suspended_at").execute(),
    };
    const done = await applyCaseAction(
      trx,
      deps,
      ruleset,
      locked,
      SWEEPER_ACTOR,
      now,
      (ctx) => resumeLockedCase(ctx, "到期自动恢复。 Resumed automatically at the time set."),
    );
    after.push(...done.after);
    notified += done.notices;
    report.resumed++;
  }
  // Last: the decision log's chain lock is held from here to the commit.
  await appendDecisions(trx, decisions);
  return { after, notices: notified };
}
