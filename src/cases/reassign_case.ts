import { assignmentLimits, planAssignment, planToDeadlines } from "../routing/plan_assignment.ts";
import { insertAssignments } from "./assignment_repository.ts";
import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import { caseFactsOf } from "./case_facts_of.ts";
import { assertState, currentLead } from "./case_guards.ts";
import { newAssignment } from "./new_assignment.ts";
import { type LifecycleDeps, runCaseAction } from "./run_case_action.ts";

/** `POST /cases/{id}/reassign`: the new lead unit and why (manual dispatch, 人工派单). */
export interface ReassignInput {
  unit: string;
  reason: string;
}

/**
 * A dispatcher gives the case to another lead unit by hand, with a reason: the current lead's
 * assignment ends (`reassigned`), the new unit gets fresh deadlines, and an `override` decision
 * is logged. Possible while the case is assigned or accepted (resume a suspended case first).
 */
export async function reassignCase(
  deps: LifecycleDeps,
  caseId: string,
  actor: CaseActor,
  input: ReassignInput,
): Promise<void> {
  await runCaseAction(deps, caseId, actor, async (ctx) => {
    const { locked, ruleset, now } = ctx;
    const row = locked.row;
    assertState(locked, ["assigned", "accepted"], "reassign");
    if (!ruleset.units.has(input.unit)) {
      throw CaseActionError.invalid("unit", `Unit ${input.unit} is not in the active ruleset`);
    }
    const lead = currentLead(locked);
    if (lead?.unit === input.unit) {
      throw CaseActionError.conflict(
        row.state,
        `Unit ${input.unit} already leads this case`,
        "unit",
      );
    }
    if (lead) await ctx.endAssignment(lead.id, "reassigned", input.reason);
    for (const a of locked.assignments) {
      if (a.role === "assist" && a.unit === input.unit && a.state !== "ended") {
        await ctx.endAssignment(a.id, "promoted", null);
      }
    }
    const limits = assignmentLimits(ruleset, row.type, row.priority === "urgent", "lead");
    const plan = planAssignment(ruleset, limits, now);
    await insertAssignments(ctx.trx, [
      newAssignment(row.id, input.unit, "lead", limits, plan, now),
    ]);
    await ctx.updateCase({ owner: input.unit, state: "assigned", accepted_at: null });
    const nameZh = (code: string) => ruleset.units.get(code)?.name_zh ?? code;
    const nameEn = (code: string) => ruleset.units.get(code)?.name_en ?? code;
    const reason = {
      zh: `人工改派：由${nameZh(row.owner)}改派${nameZh(input.unit)}。理由：${input.reason}`,
      en: `Reassigned by hand from ${nameEn(row.owner)} to ${
        nameEn(input.unit)
      }. Reason: ${input.reason}`,
    };
    ctx.event("reassigned", {
      unit: input.unit,
      note: input.reason,
      data: { from: row.owner, to: input.unit },
    });
    ctx.decision({
      kind: "override",
      facts: { ...caseFactsOf(row) },
      outcome: {
        owner: input.unit,
        from_owner: row.owner,
        priority: row.priority,
        deadlines: planToDeadlines(plan, limits),
      },
      reason,
    });
    ctx.notify(input.unit, "lead", "assigned");
  });
}
