/**
 * The timers a case needs now, from its live assignments and its open suspension. Pure: the
 * same rows always give the same timers, so a case's timers are simply replaced whenever
 * anything about it changes.
 *
 * @module
 */

import type { Insertable } from "kysely";
import type { CaseTimerTable } from "../db/tables/case_timer_table.ts";

/** What timers are planned from: the deadline columns of an assignment. */
export interface TimedAssignment {
  id: string;
  case_id: string;
  state: "assigned" | "accepted" | "submitted" | "resolved" | "ended";
  accept_by: Date;
  accept_warn_at: Date;
  resolve_by: Date;
  resolve_warn_at: Date;
  accept_warned_at: Date | null;
  resolve_warned_at: Date | null;
  /** Set when a limit passed with nowhere to escalate: no further escalation timer. */
  accept_breached_at?: Date | null;
  resolve_breached_at?: Date | null;
}

/**
 * Timers for the assignments and the suspension given:
 *
 * - a unit that has not accepted: `warn_accept` (unless warned already) and `escalate_accept`
 *   (unless the limit already passed at the top of the chain); also the resolution timers when
 *   resolution is due no later than acceptance;
 * - a unit that accepted: `warn_resolve` and `escalate_resolve`, on the same conditions;
 * - a suspension with a resumption time: `resume`.
 *
 * A warning is planned only when it comes before its deadline.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { planCaseTimers, type TimedAssignment } from "./plan_case_timers.ts";
 * const at = (h: number) => new Date(Date.UTC(2026, 2, 2, h));
 * const lead: TimedAssignment = {
 *   id: "a1", case_id: "c1", state: "assigned",
 *   accept_warn_at: at(1), accept_by: at(2), resolve_warn_at: at(8), resolve_by: at(10),
 *   accept_warned_at: null, resolve_warned_at: null,
 * };
 * assert.deepEqual(planCaseTimers([lead], null).map((t) => t.kind), ["warn_accept", "escalate_accept"]);
 * ```
 */
export function planCaseTimers(
  assignments: readonly TimedAssignment[],
  suspension: { case_id: string; resume_at: Date | null } | null,
): Insertable<CaseTimerTable>[] {
  const timers: Insertable<CaseTimerTable>[] = [];
  for (const a of assignments) {
    const base = { case_id: a.case_id, assignment_id: a.id };
    const resolveTimers = a.state === "accepted" ||
      (a.state === "assigned" && a.resolve_by.getTime() <= a.accept_by.getTime());
    if (a.state === "assigned") {
      if (!a.accept_warned_at && a.accept_warn_at < a.accept_by) {
        timers.push({ ...base, kind: "warn_accept", due_at: a.accept_warn_at });
      }
      if (!a.accept_breached_at) {
        timers.push({ ...base, kind: "escalate_accept", due_at: a.accept_by });
      }
    }
    if (resolveTimers) {
      if (!a.resolve_warned_at && a.resolve_warn_at < a.resolve_by) {
        timers.push({ ...base, kind: "warn_resolve", due_at: a.resolve_warn_at });
      }
      if (!a.resolve_breached_at) {
        timers.push({ ...base, kind: "escalate_resolve", due_at: a.resolve_by });
      }
    }
  }
  if (suspension?.resume_at) {
    timers.push({
      case_id: suspension.case_id,
      assignment_id: null,
      kind: "resume",
      due_at: suspension.resume_at,
    });
  }
  return timers;
}
