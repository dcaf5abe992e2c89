import { assignmentLimits, planAssignment } from "../routing/plan_assignment.ts";
import { insertAssignments } from "./assignment_repository.ts";
import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import { assertState } from "./case_guards.ts";
import { newAssignment } from "./new_assignment.ts";
import { type LifecycleDeps, runCaseAction } from "./run_case_action.ts";

/** `POST /cases/{id}/reopen`. */
export interface ReopenInput {
  reason: string;
}

/**
 * Reopens a case closed with `unsatisfied` feedback: the same owner gets it again (a new lead
 * assignment with fresh deadlines; it must accept again) and is notified (`reopened`).
 */
export async function reopenCase(
  deps: LifecycleDeps,
  caseId: string,
  actor: CaseActor,
  input: ReopenInput,
): Promise<void> {
  await runCaseAction(deps, caseId, actor, async (ctx) => {
    const { locked, ruleset, now } = ctx;
    const row = locked.row;
    assertState(locked, ["closed"], "reopen");
    if (row.satisfaction !== "unsatisfied") {
      throw CaseActionError.conflict(
        "closed",
        `Only a case closed with unsatisfied feedback can be reopened; this one was closed ${
          row.satisfaction ?? "without feedback"
        }`,
      );
    }
    const limits = assignmentLimits(ruleset, row.type, row.priority === "urgent", "lead");
    const plan = planAssignment(ruleset, limits, now);
    await insertAssignments(ctx.trx, [newAssignment(row.id, row.owner, "lead", limits, plan, now)]);
    await ctx.updateCase({
      state: "assigned",
      reopen_count: row.reopen_count + 1,
      accepted_at: null,
      resolved_at: null,
      closed_at: null,
      satisfaction: null,
    });
    ctx.event("reopened", {
      unit: row.owner,
      note: input.reason,
      public: true,
      data: { previous_satisfaction: row.satisfaction, reopen_count: row.reopen_count + 1 },
    });
    ctx.notify(row.owner, "lead", "reopened");
  });
}
