/**
 * Re-plans the deadlines and timers of cases from their stored assignments: after any change to
 * a case (acceptance, suspension, resumption, an approved extension) and when a newly published
 * ruleset changes the working calendar.
 *
 * @module
 */

import type { Insertable, Transaction } from "kysely";
import type { Database } from "../db/database.ts";
import { type RowPatch, updateById } from "../db/update_by_id.ts";
import { CASE_ASSIGNMENT_COLUMN_TYPES } from "../db/tables/case_assignment_table.ts";
import { CASE_COLUMN_TYPES } from "../db/tables/case_table.ts";
import type { CaseTimerTable } from "../db/tables/case_timer_table.ts";
import { type AssignmentRow, LIVE_STATES } from "../cases/assignment_repository.ts";
import { yearsText } from "../cases/new_assignment.ts";
import type { SuspensionRow } from "../cases/suspension_repository.ts";
import type { CompiledRuleset } from "../routing/compile_ruleset.ts";
import type { Pause } from "../routing/deadline.ts";
import { addDuration } from "../routing/duration.ts";
import { effectivePauses } from "../routing/effective_pauses.ts";
import { maxSuspensionFor } from "../routing/lifecycle_settings.ts";
import { type AssignmentPlan, planAssignment } from "../routing/plan_assignment.ts";
import { replaceCaseTimers } from "./case_timer_repository.ts";
import { planCaseTimers } from "./plan_case_timers.ts";

/** What a re-plan found about calendar coverage, by case. */
export interface ReplanResult {
  /** Cases whose deadlines now cross years no calendar covers that they did not cross before. */
  newlyUncovered: Map<string, number[]>;
  /** Cases whose deadlines crossed uncovered years before and no longer do. */
  cleared: string[];
}

/** The pauses the suspensions of a case of `type` give (see `effectivePauses`). */
export function casePauses(
  ruleset: CompiledRuleset,
  type: string,
  suspensions: readonly SuspensionRow[],
): Pause[] {
  if (suspensions.length === 0) return [];
  const max = maxSuspensionFor(ruleset.lifecycle, ruleset.matterTypes.get(type));
  const ref = suspensions[0].suspended_at;
  return effectivePauses(suspensions, addDuration(ref, max).getTime() - ref.getTime());
}

/** An assignment's plan from its stored limits and extensions. */
export function planStoredAssignment(
  ruleset: CompiledRuleset,
  row: AssignmentRow,
  pauses: readonly Pause[],
  cap?: Date,
): AssignmentPlan {
  return planAssignment(
    ruleset,
    {
      accept: row.accept_limit,
      resolve: row.resolve_limit,
      accept_counting: row.accept_counting,
      resolve_counting: row.resolve_counting,
    },
    row.assigned_at,
    { pauses, extensionMs: row.extension_seconds * 1000, cap },
  );
}

const years = (text: string | null) => text ? text.split(",").map(Number) : [];
const same = (a: Date, b: Date) => a.getTime() === b.getTime();

/**
 * Re-plans `caseIds` (whose rows the caller has locked): every live assignment's deadlines from
 * its own limits, the ruleset's calendar and warning fraction, and the case's suspensions; the
 * case's own deadline columns (its lead's); and the timers, replaced. Rows are written only
 * where something changed, in a few statements whatever the number of cases.
 */
export async function replanCases(
  trx: Transaction<Database>,
  ruleset: CompiledRuleset,
  caseIds: readonly string[],
): Promise<ReplanResult> {
  const result: ReplanResult = { newlyUncovered: new Map(), cleared: [] };
  if (caseIds.length === 0) return result;
  const cases = await trx.selectFrom("cases").select(["id", "type", "accept_by", "resolve_by"])
    .where("id", "in", caseIds).execute();
  const assignments = await trx.selectFrom("case_assignments").selectAll()
    .where("case_id", "in", caseIds).orderBy("seq").execute();
  const suspensions = await trx.selectFrom("case_suspensions").selectAll()
    .where("case_id", "in", caseIds).orderBy("suspended_at").execute();
  const timers: Insertable<CaseTimerTable>[] = [];
  const assignmentChanges: RowPatch[] = [];
  const caseChanges: RowPatch[] = [];

  const byCase = Map.groupBy(assignments, (a) => a.case_id);
  const spansByCase = Map.groupBy(suspensions, (s) => s.case_id);
  for (const row of cases) {
    const mine = byCase.get(row.id) ?? [];
    const spans = spansByCase.get(row.id) ?? [];
    const pauses = casePauses(ruleset, row.type, spans);
    const live = mine.filter((a) => LIVE_STATES.includes(a.state));
    const before = new Set(mine.flatMap((a) => years(a.uncovered_years)));
    const after = new Set<number>();
    const lead = live.find((a) => a.role === "lead");
    const leadPlan = lead ? planStoredAssignment(ruleset, lead, pauses) : null;
    const planned: AssignmentRow[] = [];
    for (const a of mine) {
      if (!LIVE_STATES.includes(a.state)) {
        if (a.uncovered_years !== null) assignmentChanges.push({ id: a.id, uncovered_years: null });
        continue;
      }
      const plan = a === lead
        ? leadPlan!
        : planStoredAssignment(ruleset, a, pauses, leadPlan?.resolve_by);
      for (const year of plan.uncovered_years) after.add(year);
      const next = {
        accept_by: plan.accept_by,
        accept_warn_at: plan.accept_warn_at,
        resolve_by: plan.resolve_by,
        resolve_warn_at: plan.resolve_warn_at,
        resolve_by_original: plan.resolve_by_original,
        uncovered_years: yearsText(plan.uncovered_years),
      };
      const changed = !same(a.accept_by, next.accept_by) ||
        !same(a.accept_warn_at, next.accept_warn_at) || !same(a.resolve_by, next.resolve_by) ||
        !same(a.resolve_warn_at, next.resolve_warn_at) ||
        !same(a.resolve_by_original, next.resolve_by_original) ||
        a.uncovered_years !== next.uncovered_years;
      if (changed) assignmentChanges.push({ id: a.id, ...next });
      planned.push({ ...a, ...next });
    }
    if (
      leadPlan &&
      (!same(row.accept_by, leadPlan.accept_by) || !same(row.resolve_by, leadPlan.resolve_by))
    ) {
      caseChanges.push({
        id: row.id,
        accept_by: leadPlan.accept_by,
        resolve_by: leadPlan.resolve_by,
      });
    }
    const open = spans.find((s) => s.resumed_at === null) ?? null;
    timers.push(...planCaseTimers(planned, open));
    const fresh = [...after].filter((y) => !before.has(y)).sort((a, b) => a - b);
    if (fresh.length > 0) result.newlyUncovered.set(row.id, fresh);
    if (before.size > 0 && after.size === 0) result.cleared.push(row.id);
  }
  await updateById(trx, "case_assignments", CASE_ASSIGNMENT_COLUMN_TYPES, assignmentChanges);
  await updateById(trx, "cases", CASE_COLUMN_TYPES, caseChanges);
  await replaceCaseTimers(trx, caseIds, timers);
  return result;
}
