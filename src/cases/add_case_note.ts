import type { CaseActor } from "./case_actor.ts";
import { CaseActionError } from "./case_action_error.ts";
import { type LifecycleDeps, runCaseAction } from "./run_case_action.ts";

/** `POST /cases/{id}/notes`. */
export interface NoteInput {
  text: string;
  /** True when the citizen may see it (Open311 status notes). Default false. */
  public?: boolean;
}

/**
 * Adds a note to the case timeline: a progress update, a call with the citizen. Possible in any
 * state (a note changes nothing else); a unit token only on a case its unit is or was on.
 */
export async function addCaseNote(
  deps: LifecycleDeps,
  caseId: string,
  actor: CaseActor,
  input: NoteInput,
): Promise<void> {
  await runCaseAction(deps, caseId, actor, (ctx) => {
    if (actor.role === "unit" && !ctx.locked.assignments.some((a) => a.unit === actor.unit)) {
      throw CaseActionError.forbidden(
        `Unit ${actor.unit} has never been on case ${caseId}; a unit token acts only on its own cases`,
      );
    }
    ctx.event("note", { unit: actor.unit, note: input.text, public: input.public ?? false });
    return Promise.resolve();
  });
}
