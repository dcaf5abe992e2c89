/**
 * One case action, one transaction: the case row is locked (`select ... for update`) so that no
 * two actions (nor a sweeper) interleave on a case; the action changes what it must; then, in
 * the same transaction, every live assignment's deadlines and the case's timers are re-planned,
 * the timeline entries, webhook notices and decision-log entries the action queued are written,
 * and the transaction commits. Metrics and wake-ups run after the commit.
 *
 * @module
 */

import type { Kysely, Selectable, Transaction, Updateable } from "kysely";
import { appendDecisions } from "../audit/append_decisions.ts";
import type { DecisionEntry } from "../audit/decision_entry.ts";
import type { Database } from "../db/database.ts";
import type { CaseTable } from "../db/tables/case_table.ts";
import { replanCases } from "../escalation/replan_cases.ts";
import type { LifecycleMetrics } from "../metrics/whistle_metrics.ts";
import { enqueueNotices } from "../notifications/enqueue_notices.ts";
import type { NoticeEvent, OutgoingNotice } from "../notifications/webhook_notice.ts";
import type { Logger } from "../observability/logger.ts";
import type { CompiledRuleset } from "../routing/compile_ruleset.ts";
import { type AssignmentRow, caseAssignments } from "./assignment_repository.ts";
import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import { appendCaseEvents, type NewCaseEvent } from "./case_event_repository.ts";
import { caseSuspensions, type SuspensionRow } from "./suspension_repository.ts";

/** What case actions need. */
export interface LifecycleDeps {
  db: Kysely<Database>;
  /** The ruleset in force (`ActiveRuleset`): routing, units, limits, calendar. */
  ruleset: { readonly current: CompiledRuleset };
  clock: () => Date;
  /** Warnings, escalations and deliveries are counted here, after commit. */
  metrics?: LifecycleMetrics;
  logger?: Logger;
  /** Called after a commit that queued webhook notices (wakes the deliverer). */
  onNotices?: () => void;
}

/** A case as locked for an action: its row, every assignment, every suspension. */
export interface LockedCase {
  row: Selectable<CaseTable>;
  assignments: AssignmentRow[];
  suspensions: SuspensionRow[];
}

/** A decision-log entry an action queues; the runner fills in case, ruleset, actor and time. */
export type QueuedDecision = Pick<DecisionEntry, "kind" | "facts" | "outcome" | "reason"> & {
  matched_rules?: unknown[];
};

/** What an action works with. */
export interface ActionContext {
  trx: Transaction<Database>;
  now: Date;
  ruleset: CompiledRuleset;
  actor: CaseActor;
  locked: LockedCase;
  /** Queues a timeline entry about this case. */
  event(kind: string, fields?: Omit<NewCaseEvent, "case_id" | "at" | "kind" | "actor">): void;
  /** Queues a decision-log entry about this case (owner or membership changes). */
  decision(entry: QueuedDecision): void;
  /** Queues a webhook notice to `unit` (when its ruleset entry has a `webhook_url`). */
  notify(unit: string, role: "lead" | "assist", event: NoticeEvent): void;
  /** Changes the case row (and its `updated_at`). */
  updateCase(patch: Updateable<CaseTable>): Promise<void>;
  /** Runs after the commit (metrics). */
  afterCommit(fn: () => void): void;
}

/** Locks a case row and reads what belongs to it; 404 when there is no such case. */
export async function lockCase(
  trx: Transaction<Database>,
  caseId: string,
): Promise<LockedCase> {
  const row = await trx.selectFrom("cases").selectAll().where("id", "=", caseId).forUpdate()
    .executeTakeFirst();
  if (!row) throw CaseActionError.notFound(`No case ${caseId}`);
  return {
    row,
    assignments: await caseAssignments(trx, caseId),
    suspensions: await caseSuspensions(trx, caseId),
  };
}

/**
 * Runs `action` on a case locked inside `trx`, then re-plans the case and writes what it queued.
 * For callers that own the transaction (the sweeper); returns the after-commit hooks to run.
 */
export async function applyCaseAction<T>(
  trx: Transaction<Database>,
  deps: Pick<LifecycleDeps, "logger">,
  ruleset: CompiledRuleset,
  locked: LockedCase,
  actor: CaseActor,
  now: Date,
  action: (ctx: ActionContext) => Promise<T>,
): Promise<{ result: T; after: (() => void)[]; notices: number }> {
  const caseId = locked.row.id;
  const events: NewCaseEvent[] = [];
  const decisions: QueuedDecision[] = [];
  const notices: { unit: string; role: "lead" | "assist"; event: NoticeEvent }[] = [];
  const after: (() => void)[] = [];
  const ctx: ActionContext = {
    trx,
    now,
    ruleset,
    actor,
    locked,
    event: (kind, fields = {}) =>
      events.push({ case_id: caseId, at: now, kind, actor: actor.label, ...fields }),
    decision: (entry) => decisions.push(entry),
    notify: (unit, role, event) => notices.push({ unit, role, event }),
    updateCase: async (patch) => {
      await trx.updateTable("cases").set({ ...patch, updated_at: now }).where("id", "=", caseId)
        .execute();
    },
    afterCommit: (fn) => after.push(fn),
  };
  const result = await action(ctx);

  const replan = await replanCases(trx, ruleset, [caseId]);
  const gap = replan.newlyUncovered.get(caseId);
  if (gap) {
    ctx.event("calendar_warning", {
      note: calendarWarningNote(gap),
      data: { uncovered_years: gap },
    });
    after.push(() =>
      deps.logger?.warn("working-time deadline in a year without a holiday calendar", {
        case_id: caseId,
        years: gap,
      })
    );
  }
  if (replan.cleared.includes(caseId)) {
    ctx.event("calendar_warning_cleared", {
      note: "节假日安排已覆盖全部期限。 Every deadline is now within a covered calendar year.",
    });
  }

  const outgoing: OutgoingNotice[] = [];
  if (notices.length > 0) {
    const row = await trx.selectFrom("cases").selectAll().where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    const assignments = await caseAssignments(trx, caseId);
    for (const notice of notices) {
      const url = ruleset.units.get(notice.unit)?.webhook_url;
      const assignment = assignments.findLast((a) =>
        a.unit === notice.unit && a.role === notice.role && a.state !== "ended"
      );
      if (!url || !assignment) continue;
      outgoing.push({
        case_id: caseId,
        unit: notice.unit,
        url,
        event: notice.event,
        created_at: now,
        payload: {
          event: notice.event,
          unit: notice.unit,
          role: notice.role,
          case: {
            id: caseId,
            type: row.type,
            title: row.title,
            state: row.state,
            owner: row.owner,
            priority: row.priority,
            accept_by: assignment.accept_by.toISOString(),
            resolve_by: assignment.resolve_by.toISOString(),
          },
          at: now.toISOString(),
        },
      });
    }
  }
  await appendCaseEvents(trx, events);
  await enqueueNotices(trx, outgoing);
  // Last: the decision log's chain lock is held from here to the commit.
  await appendDecisions(
    trx,
    decisions.map((d) => ({
      case_id: caseId,
      kind: d.kind,
      ruleset_version: ruleset.version,
      ruleset_hash: ruleset.hash,
      matched_rules: d.matched_rules ?? [],
      facts: d.facts,
      outcome: d.outcome,
      reason: d.reason,
      actor: actor.label,
      request_id: actor.requestId,
      created_at: now,
    })),
  );
  return { result, after, notices: outgoing.length };
}

/** The timeline note of a calendar warning. */
export function calendarWarningNote(years: readonly number[]): string {
  return `工作日期限落在${
    years.join("、")
  }年，该年节假日安排尚未载入，暂按普通周末计算；请在规则集 calendar 中补充后发布。` +
    ` A working-time deadline falls in ${
      years.join(", ")
    }, which no holiday calendar covers: plain weekends were assumed. Add the year to the ruleset's calendar and publish it.`;
}

/**
 * Runs one case action in its own transaction (see the module doc) and returns its result
 * after the commit. A refused action throws {@link CaseActionError} and changes nothing.
 *
 * @example
 * ```ts ignore
 * await runCaseAction(deps, caseId, actor, async (ctx) => {
 *   ctx.event("note", { note: "已联系居民", public: true });
 * });
 * ```
 */
export async function runCaseAction<T>(
  deps: LifecycleDeps,
  caseId: string,
  actor: CaseActor,
  action: (ctx: ActionContext) => Promise<T>,
): Promise<T> {
  const now = deps.clock();
  const ruleset = deps.ruleset.current;
  const { result, after, notices } = await deps.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, caseId);
    return await applyCaseAction(trx, deps, ruleset, locked, actor, now, action);
  });
  for (const fn of after) fn();
  if (notices > 0) deps.onNotices?.();
  return result;
}
