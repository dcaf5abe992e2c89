import type { CaseActor } from "./case_actor.ts";
import { actingAssignment, assertState } from "./case_guards.ts";
import { type ActionContext, type LifecycleDeps, runCaseAction } from "./run_case_action.ts";
import { endSuspension } from "./suspension_repository.ts";

/** `POST /cases/{id}/resume`. */
export interface ResumeInput {
  note?: string;
}

/**
 * Ends the open suspension of a locked, suspended case: the case is `accepted` again and its
 * deadlines are re-planned with the real length of the pause. Used by the API and by the
 * sweeper (a `resume` timer).
 */
export async function resumeLockedCase(ctx: ActionContext, note: string | null): Promise<void> {
  const open = ctx.locked.suspensions.find((s) => s.resumed_at === null);
  if (open) await endSuspension(ctx.trx, open.id, ctx.now, ctx.actor.label, note);
  await ctx.updateCase({ state: "accepted" });
  ctx.event("resumed", {
    unit: ctx.locked.row.owner,
    note,
    public: true,
    data: {
      suspended_at: open?.suspended_at.toISOString() ?? null,
      suspended_ms: open ? ctx.now.getTime() - open.suspended_at.getTime() : 0,
      automatic: ctx.actor.role === "system",
    },
  });
}

/** Resumes a suspended case by hand (the lead unit, a dispatcher or an admin). */
export async function resumeCase(
  deps: LifecycleDeps,
  caseId: string,
  actor: CaseActor,
  input: ResumeInput,
): Promise<void> {
  await runCaseAction(deps, caseId, actor, async (ctx) => {
    assertState(ctx.locked, ["suspended"], "resume");
    actingAssignment(ctx.locked, actor, { role: "lead", action: "resume" });
    await resumeLockedCase(ctx, input.note ?? null);
  });
}
