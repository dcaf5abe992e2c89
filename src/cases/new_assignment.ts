import type { Insertable } from "kysely";
import type { CaseAssignmentTable } from "../db/tables/case_assignment_table.ts";
import type { AppliedLimits, Deadlines } from "../routing/decision.ts";
import type { AssignmentPlan, AssignmentRole } from "../routing/plan_assignment.ts";

/** Uncovered years as stored: `"2027,2028"`, or null when there are none. */
export function yearsText(years: readonly number[]): string | null {
  return years.length > 0 ? [...years].sort((a, b) => a - b).join(",") : null;
}

/** A new assignment row: `unit` gets the case (as lead or assisting unit) at `at`. */
export function newAssignment(
  caseId: string,
  unit: string,
  role: AssignmentRole,
  limits: AppliedLimits,
  plan: AssignmentPlan,
  at: Date,
): Insertable<CaseAssignmentTable> & { id: string } {
  return {
    id: crypto.randomUUID(),
    case_id: caseId,
    unit,
    role,
    state: "assigned",
    assigned_at: at,
    accepted_at: null,
    submitted_at: null,
    resolved_at: null,
    ended_at: null,
    end_reason: null,
    end_note: null,
    accept_limit: limits.accept,
    resolve_limit: limits.resolve,
    accept_counting: limits.accept_counting,
    resolve_counting: limits.resolve_counting,
    accept_by: plan.accept_by,
    accept_warn_at: plan.accept_warn_at,
    resolve_by: plan.resolve_by,
    resolve_warn_at: plan.resolve_warn_at,
    resolve_by_original: plan.resolve_by_original,
    uncovered_years: yearsText(plan.uncovered_years),
  };
}

/**
 * The assignment plan a decision's deadlines stand for. Decisions made before deadlines carried
 * their limits and warnings (or built by hand) get calendar limits equal to their deadlines and
 * warnings at 80 %.
 */
export function planFromDeadlines(
  deadlines: Deadlines,
  at: Date,
): { limits: AppliedLimits; plan: AssignmentPlan } {
  const acceptBy = new Date(deadlines.accept_by);
  const resolveBy = new Date(deadlines.resolve_by);
  const seconds = (d: Date) => `PT${Math.max(1, Math.round((d.getTime() - at.getTime()) / 1000))}S`;
  const warn = (d: Date) => new Date(at.getTime() + (d.getTime() - at.getTime()) * 0.8);
  return {
    limits: deadlines.limits ?? {
      accept: seconds(acceptBy),
      resolve: seconds(resolveBy),
      accept_counting: "calendar",
      resolve_counting: "calendar",
    },
    plan: {
      accept_by: acceptBy,
      accept_warn_at: deadlines.accept_warn_at
        ? new Date(deadlines.accept_warn_at)
        : warn(acceptBy),
      resolve_by: resolveBy,
      resolve_warn_at: deadlines.resolve_warn_at
        ? new Date(deadlines.resolve_warn_at)
        : warn(resolveBy),
      resolve_by_original: resolveBy,
      uncovered_years: deadlines.uncovered_years ?? [],
    },
  };
}
