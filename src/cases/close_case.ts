import type { CaseActor } from "./case_actor.ts";
import { assertState } from "./case_guards.ts";
import { type LifecycleDeps, runCaseAction } from "./run_case_action.ts";

/** The citizen's satisfaction (满意 / 基本满意 / 不满意). */
export type Satisfaction = "satisfied" | "basic" | "unsatisfied";

/** `POST /cases/{id}/close`: the feedback check (反馈核查). */
export interface CloseInput {
  satisfaction: Satisfaction;
  comment?: string;
}

/**
 * Closes a resolved case with the citizen's feedback (the hotline records it). A case closed
 * `unsatisfied` can be reopened.
 */
export async function closeCase(
  deps: LifecycleDeps,
  caseId: string,
  actor: CaseActor,
  input: CloseInput,
): Promise<void> {
  await runCaseAction(deps, caseId, actor, async (ctx) => {
    assertState(ctx.locked, ["resolved"], "close");
    await ctx.updateCase({ state: "closed", closed_at: ctx.now, satisfaction: input.satisfaction });
    ctx.event("closed", {
      unit: ctx.locked.row.owner,
      note: input.comment ?? null,
      public: true,
      data: { satisfaction: input.satisfaction },
    });
  });
}
