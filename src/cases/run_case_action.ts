/**
 * One case action, one transaction: the case row is locked (`select ... for update`) so that no
 * two actions (nor a sweeper) interleave on a case; the action changes what it must; then, in
 * the same transaction, every live assignment's deadlines and the case's timers are re-planned,
 * the timeline entries, webhook notices and decision-log entries the action queued are written,
 * and the transaction commits. Metrics and wake-ups run after the commit.
 *
 * `applyCaseActions` does the same for several cases in one transaction (the sweeper's
 * resumptions, and `CaseActionBatcher`, which the demo seed plugs in as `LifecycleDeps.actions`).
 *
 * @module
 */

import type { Kysely, Selectable, Transaction, Updateable } from "kysely";
import { appendDecisions } from "../audit/append_decisions.ts";
import type { DecisionEntry } from "../audit/decision_entry.ts";
import type { Database } from "../db/database.ts";
import { updateById } from "../db/update_by_id.ts";
import {
  CASE_ASSIGNMENT_COLUMN_TYPES,
  type CaseAssignmentTable,
} from "../db/tables/case_assignment_table.ts";
import { CASE_COLUMN_TYPES, type CaseTable } from "../db/tables/case_table.ts";
import { replanCases } from "../escalation/replan_cases.ts";
import type { LifecycleMetrics } from "../observability/lifecycle_metrics.ts";
import { enqueueNotices } from "../notifications/enqueue_notices.ts";
import type { NoticeEvent, OutgoingNotice } from "../notifications/webhook_notice.ts";
import type { Logger } from "../observability/logger.ts";
import type { CompiledRuleset } from "../routing/compile_ruleset.ts";
import { type AssignmentRow, caseAssignments } from "./assignment_repository.ts";
import { calendarWarningNote } from "./calendar_warning_note.ts";
import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import { appendCaseEvents, type NewCaseEvent } from "./case_event_repository.ts";
import {
  caseSuspensions,
  type SuspensionRow,
  suspensionsOfCases,
} from "./suspension_repository.ts";

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
  /**
   * Runs the actions instead of one transaction each, e.g. a `CaseActionBatcher` that commits
   * the actions waiting at the same moment together (the demo seed).
   */
  actions?: CaseActionRunner;
}

/** What runs case actions for {@link runCaseAction} when `LifecycleDeps.actions` is set. */
export interface CaseActionRunner {
  run<T>(
    deps: LifecycleDeps,
    caseId: string,
    actor: CaseActor,
    action: (ctx: ActionContext) => Promise<T>,
  ): Promise<T>;
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
  /**
   * Changes the case row (and its `updated_at`). The change is written after the action, with
   * the changes of the other actions in the same transaction, before the re-plan: actions read
   * the case from `locked`, never back from the table.
   */
  updateCase(patch: Updateable<CaseTable>): Promise<void>;
  /** Changes one of the case's assignments; written like {@link ActionContext.updateCase}. */
  updateAssignment(id: string, patch: Updateable<CaseAssignmentTable>): Promise<void>;
  /**
   * Ends one of the case's assignments (`returned`, `escalated`, `reassigned`, `removed`,
   * `waived`, `promoted`) now; written like {@link ActionContext.updateCase}.
   */
  endAssignment(id: string, reason: string, note: string | null): Promise<void>;
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
 * Locks several case rows (in id order, so that concurrent callers cannot deadlock) and reads
 * what belongs to them, in three statements whatever their number. Cases that do not exist are
 * missing from the map.
 */
export async function lockCases(
  trx: Transaction<Database>,
  caseIds: readonly string[],
): Promise<Map<string, LockedCase>> {
  const out = new Map<string, LockedCase>();
  if (caseIds.length === 0) return out;
  const rows = await trx.selectFrom("cases").selectAll().where("id", "in", caseIds).orderBy("id")
    .forUpdate().execute();
  const assignments = await trx.selectFrom("case_assignments").selectAll()
    .where("case_id", "in", caseIds).orderBy("seq").execute();
  const suspensions = await suspensionsOfCases(trx, caseIds);
  for (const row of rows) out.set(row.id, { row, assignments: [], suspensions: [] });
  for (const a of assignments) out.get(a.case_id)?.assignments.push(a);
  for (const s of suspensions) out.get(s.case_id)?.suspensions.push(s);
  return out;
}

/** One action on one locked case, for {@link applyCaseActions}. */
export interface CaseActionItem<T> {
  locked: LockedCase;
  actor: CaseActor;
  now: Date;
  action: (ctx: ActionContext) => Promise<T>;
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
  const done = await applyCaseActions(trx, deps, ruleset, [{ locked, actor, now, action }]);
  return { result: done.results[0], after: done.after, notices: done.notices };
}

/**
 * {@link applyCaseAction} for several cases (one action each, distinct cases) in the caller's
 * transaction: each action runs as it would alone, then the cases are re-planned together and
 * what the actions queued (timeline entries, webhook notices, decision-log entries, in the
 * actions' order) is written in one statement each. An action that throws fails the whole call.
 */
export async function applyCaseActions<T>(
  trx: Transaction<Database>,
  deps: Pick<LifecycleDeps, "logger">,
  ruleset: CompiledRuleset,
  items: readonly CaseActionItem<T>[],
): Promise<{ results: T[]; after: (() => void)[]; notices: number }> {
  const after: (() => void)[] = [];
  const queued: {
    ctx: ActionContext;
    events: NewCaseEvent[];
    decisions: QueuedDecision[];
    notices: { unit: string; role: "lead" | "assist"; event: NoticeEvent }[];
  }[] = [];
  const results: T[] = [];
  const patches = new Map<string, Updateable<CaseTable>>();
  const assignmentPatches = new Map<string, Updateable<CaseAssignmentTable>>();
  const patchAssignment = (id: string, patch: Updateable<CaseAssignmentTable>) => {
    assignmentPatches.set(id, { ...assignmentPatches.get(id), ...patch });
    return Promise.resolve();
  };
  for (const { locked, actor, now, action } of items) {
    const caseId = locked.row.id;
    const events: NewCaseEvent[] = [];
    const decisions: QueuedDecision[] = [];
    const notices: { unit: string; role: "lead" | "assist"; event: NoticeEvent }[] = [];
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
      updateCase: (patch) => {
        patches.set(caseId, { ...patches.get(caseId), ...patch, updated_at: now });
        return Promise.resolve();
      },
      updateAssignment: patchAssignment,
      endAssignment: (id, reason, note) =>
        patchAssignment(id, {
          state: "ended",
          ended_at: now,
          end_reason: reason,
          end_note: note,
          uncovered_years: null,
        }),
      afterCommit: (fn) => after.push(fn),
    };
    results.push(await action(ctx));
    queued.push({ ctx, events, decisions, notices });
  }
  // The row changes the actions made, in a few statements whatever their number.
  await updateById(
    trx,
    "case_assignments",
    CASE_ASSIGNMENT_COLUMN_TYPES,
    [...assignmentPatches].map(([id, p]) => ({ id, ...p })),
  );
  await updateById(trx, "cases", CASE_COLUMN_TYPES, [...patches].map(([id, p]) => ({ id, ...p })));

  const replan = await replanCases(trx, ruleset, items.map((i) => i.locked.row.id));
  const outgoing: OutgoingNotice[] = [];
  const entries: DecisionEntry[] = [];
  for (const { ctx, decisions, notices } of queued) {
    const caseId = ctx.locked.row.id;
    const { now, actor } = ctx;
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
    const hooked = notices.filter((n) => ruleset.units.get(n.unit)?.webhook_url);
    if (hooked.length > 0) outgoing.push(...await noticesOf(trx, ruleset, caseId, now, hooked));
    entries.push(...decisions.map((d) => ({
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
    })));
  }
  await appendCaseEvents(trx, queued.flatMap((q) => q.events));
  await enqueueNotices(trx, outgoing);
  // Last: the decision log's chain lock is held from here to the commit.
  await appendDecisions(trx, entries);
  return { results, after, notices: outgoing.length };
}

/** The webhook notices an action queued about a case, to units that have a `webhook_url`. */
async function noticesOf(
  trx: Transaction<Database>,
  ruleset: CompiledRuleset,
  caseId: string,
  now: Date,
  notices: readonly { unit: string; role: "lead" | "assist"; event: NoticeEvent }[],
): Promise<OutgoingNotice[]> {
  const outgoing: OutgoingNotice[] = [];
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
  return outgoing;
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
  if (deps.actions) return await deps.actions.run(deps, caseId, actor, action);
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
