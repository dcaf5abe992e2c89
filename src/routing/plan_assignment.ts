/**
 * The deadlines of one assignment (a lead or assisting unit on a case): acceptance, resolution
 * (or contribution), the warnings before them, counted in calendar or working time, with the
 * clock stopped while the case is suspended and approved extensions added. Pure.
 *
 * @module
 */

import type { CompiledRuleset } from "./compile_ruleset.ts";
import { dueAfter, limitBudget, type Pause } from "./deadline.ts";
import type { AppliedLimits, Deadlines } from "./decision.ts";
import { parseDuration } from "./duration.ts";

/** Whether a unit leads the case (主办) or assists (协办). */
export type AssignmentRole = "lead" | "assist";

/** Everything besides the limits that moves an assignment's deadlines. */
export interface PlanOptions {
  /** Suspensions of the case, as they stop the clock (see `effectivePauses`). */
  pauses?: readonly Pause[];
  /** Approved extension time added to the resolution limit, in the limit's own counting (ms). */
  extensionMs?: number;
  /** No deadline of an assisting unit may be later than this (the lead's resolution deadline). */
  cap?: Date;
}

/** An assignment's deadlines as instants. */
export interface AssignmentPlan {
  accept_by: Date;
  accept_warn_at: Date;
  /** With approved extensions. */
  resolve_by: Date;
  resolve_warn_at: Date;
  /** Without extensions (suspensions still stop the clock). */
  resolve_by_original: Date;
  /** See {@link Deadlines.uncovered_years}. */
  uncovered_years: number[];
}

/**
 * The limits a unit gets on a case of `type`: the matter type's time-limit class (urgent limits
 * for urgent cases when the class has them; the default class for an unknown type). An
 * assisting unit's resolution limit is the class's `contribute` limit.
 */
export function assignmentLimits(
  ruleset: CompiledRuleset,
  type: string,
  urgent: boolean,
  role: AssignmentRole,
): AppliedLimits {
  const { routing } = ruleset;
  const matterType = ruleset.matterTypes.get(type);
  const limitClass = (matterType && routing.limitClasses.get(matterType.time_limit_class)) ??
    routing.defaultLimitClass;
  const limits = urgent && limitClass.urgent ? limitClass.urgent : limitClass.normal;
  return {
    accept: limits.texts.accept,
    resolve: role === "lead" ? limits.texts.resolve : limits.texts.contribute,
    accept_counting: limits.acceptCounting,
    resolve_counting: limits.resolveCounting,
  };
}

/**
 * Plans an assignment's deadlines from `start` (when the unit got the case).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compileRuleset } from "./compile_ruleset.ts";
 * import {
 *   type AssignmentPlan, assignmentLimits, type AssignmentRole, planAssignment, type PlanOptions,
 *   planToDeadlines,
 * } from "./plan_assignment.ts";
 * const ruleset = compileRuleset({
 *   name: "demo", fallback_unit: "U",
 *   time_limit_classes: {
 *     standard: { name_zh: "标准", name_en: "Standard",
 *       normal: { accept: "PT2H", resolve: "P1D", counting: { resolve: "working" } } },
 *   },
 *   units: [{ code: "U", name_zh: "单位", name_en: "Unit", tier: "district", parent: null }],
 *   matter_types: [], exception_rules: [],
 * }, { version: 1, hash: "h" });
 * const role: AssignmentRole = "lead";
 * const limits = assignmentLimits(ruleset, "MT-UNKNOWN", false, role);
 * const options: PlanOptions = {};
 * // Wednesday 2026-09-30 16:30 Beijing: one working day ends at 16:30 on Thursday 2026-10-08.
 * const plan: AssignmentPlan = planAssignment(ruleset, limits, new Date("2026-09-30T08:30:00Z"), options);
 * assert.equal(plan.resolve_by.toISOString(), "2026-10-08T08:30:00.000Z");
 * assert.equal(planToDeadlines(plan, limits).accept_by, "2026-09-30T10:30:00.000Z");
 * ```
 */
export function planAssignment(
  ruleset: CompiledRuleset,
  limits: AppliedLimits,
  start: Date,
  options: PlanOptions = {},
): AssignmentPlan {
  const { calendar, lifecycle } = ruleset;
  const gaps = new Set<number>();
  const pauses = options.pauses ?? [];
  const accept = parseDuration(limits.accept) ?? parseDuration("PT2H")!;
  const resolve = parseDuration(limits.resolve) ?? parseDuration("P2D")!;
  const acceptBudget = limitBudget(calendar, start, accept, limits.accept_counting);
  const resolveBudget = limitBudget(calendar, start, resolve, limits.resolve_counting);
  const extension = Math.max(0, options.extensionMs ?? 0);
  const due = (budget: number, counting: AppliedLimits["accept_counting"]) =>
    dueAfter(calendar, start, Math.round(budget), counting, pauses, gaps);
  const earliest = (a: Date) => options.cap && options.cap < a ? options.cap : a;
  const resolveBy = earliest(due(resolveBudget + extension, limits.resolve_counting));
  return {
    accept_by: earliest(due(acceptBudget, limits.accept_counting)),
    accept_warn_at: earliest(due(acceptBudget * lifecycle.warnAt, limits.accept_counting)),
    resolve_by: resolveBy,
    resolve_warn_at: earliest(
      due((resolveBudget + extension) * lifecycle.warnAt, limits.resolve_counting),
    ),
    resolve_by_original: earliest(due(resolveBudget, limits.resolve_counting)),
    uncovered_years: [...gaps].sort((a, b) => a - b),
  };
}

/** An assignment plan as the {@link Deadlines} a decision or an API answer shows. */
export function planToDeadlines(plan: AssignmentPlan, limits: AppliedLimits): Deadlines {
  return {
    accept_by: plan.accept_by.toISOString(),
    resolve_by: plan.resolve_by.toISOString(),
    accept_warn_at: plan.accept_warn_at.toISOString(),
    resolve_warn_at: plan.resolve_warn_at.toISOString(),
    limits: { ...limits },
    uncovered_years: plan.uncovered_years,
  };
}
