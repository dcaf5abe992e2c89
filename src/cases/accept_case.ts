import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import { actingAssignment, assertOpen } from "./case_guards.ts";
import { type LifecycleDeps, runCaseAction } from "./run_case_action.ts";

/** `POST /cases/{id}/accept`: the unit the caller acts for (lead by default for admins). */
export interface AcceptInput {
  unit?: string;
  note?: string;
}

/**
 * A unit accepts (签收) its assignment on a case: the lead's acceptance moves the case from
 * `assigned` to `accepted`; an assisting unit's does not change the case's state. Its
 * acceptance timers go, its resolution (or contribution) timers come.
 */
export async function acceptCase(
  deps: LifecycleDeps,
  caseId: string,
  actor: CaseActor,
  input: AcceptInput,
): Promise<void> {
  await runCaseAction(deps, caseId, actor, async (ctx) => {
    assertOpen(ctx.locked, "accept");
    const assignment = actingAssignment(ctx.locked, actor, { unit: input.unit, action: "accept" });
    if (assignment.state !== "assigned") {
      throw CaseActionError.conflict(
        ctx.locked.row.state,
        `Unit ${assignment.unit} has already accepted this case (its assignment is ${assignment.state})`,
      );
    }
    await ctx.updateAssignment(assignment.id, { state: "accepted", accepted_at: ctx.now });
    if (assignment.role === "lead") {
      await ctx.updateCase({ state: "accepted", accepted_at: ctx.now });
    }
    ctx.event("accepted", {
      unit: assignment.unit,
      note: input.note ?? null,
      public: assignment.role === "lead",
      data: { role: assignment.role },
    });
  });
}
