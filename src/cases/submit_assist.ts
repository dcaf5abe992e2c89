import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import { actingAssignment, assertOpen } from "./case_guards.ts";
import { type LifecycleDeps, runCaseAction } from "./run_case_action.ts";

/** `POST /cases/{id}/submit`: an assisting unit's part (协办意见). */
export interface SubmitInput {
  summary: string;
  /** For admins: which assisting unit submits. */
  unit?: string;
}

/** An assisting unit that accepted submits its part; its contribution timers stop. */
export async function submitAssist(
  deps: LifecycleDeps,
  caseId: string,
  actor: CaseActor,
  input: SubmitInput,
): Promise<void> {
  await runCaseAction(deps, caseId, actor, async (ctx) => {
    assertOpen(ctx.locked, "submit a part");
    const a = actingAssignment(ctx.locked, actor, {
      unit: input.unit,
      role: "assist",
      action: "submit a part",
    });
    if (a.state !== "accepted") {
      throw CaseActionError.conflict(
        ctx.locked.row.state,
        a.state === "assigned"
          ? `Assisting unit ${a.unit} must accept the case before submitting its part`
          : `Assisting unit ${a.unit} has already submitted its part`,
      );
    }
    await ctx.updateAssignment(a.id, { state: "submitted", submitted_at: ctx.now });
    ctx.event("assist_submitted", { unit: a.unit, note: input.summary });
  });
}
