import { addDuration } from "../routing/duration.ts";
import { maxSuspensionFor } from "../routing/lifecycle_settings.ts";
import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import { actingAssignment, assertState } from "./case_guards.ts";
import { spanText } from "./lifecycle_text.ts";
import { type LifecycleDeps, runCaseAction } from "./run_case_action.ts";
import { insertSuspension } from "./suspension_repository.ts";

/** `POST /cases/{id}/suspend`: why (waiting for the citizen, for an outside party), until when. */
export interface SuspendInput {
  reason: string;
  /** When the case resumes by itself (ISO 8601), if known. */
  resume_at?: string;
}

/**
 * Suspends (挂起) an accepted case: its clocks stop (every limit of every unit on it, calendar
 * or working time) until it resumes, by hand or at `resume_at`, or until the matter type's
 * suspension allowance (`max_suspension`, summed over all suspensions of the case) is used up,
 * when they run again although the case stays suspended. The lead unit, a dispatcher or an
 * admin may suspend.
 */
export async function suspendCase(
  deps: LifecycleDeps,
  caseId: string,
  actor: CaseActor,
  input: SuspendInput,
): Promise<void> {
  await runCaseAction(deps, caseId, actor, async (ctx) => {
    const { locked, ruleset, now } = ctx;
    assertState(locked, ["accepted"], "suspend");
    const lead = actingAssignment(locked, actor, { role: "lead", action: "suspend" });
    let resumeAt: Date | null = null;
    if (input.resume_at !== undefined) {
      resumeAt = new Date(input.resume_at);
      if (!(resumeAt > now)) {
        throw CaseActionError.invalid("resume_at", "resume_at must be in the future");
      }
    }
    const max = maxSuspensionFor(ruleset.lifecycle, ruleset.matterTypes.get(locked.row.type));
    const allowance = addDuration(now, max).getTime() - now.getTime();
    const used = locked.suspensions.reduce(
      (sum, s) => sum + ((s.resumed_at ?? now).getTime() - s.suspended_at.getTime()),
      0,
    );
    const left = Math.max(0, allowance - used);
    await insertSuspension(ctx.trx, {
      id: crypto.randomUUID(),
      case_id: locked.row.id,
      reason: input.reason,
      suspended_at: now,
      suspended_by: actor.label,
      resume_at: resumeAt,
      resumed_at: null,
      resumed_by: null,
      resume_note: null,
    });
    await ctx.updateCase({ state: "suspended" });
    const leftText = spanText(left);
    ctx.event("suspended", {
      unit: lead.unit,
      note: input.reason,
      public: true,
      data: {
        resume_at: resumeAt?.toISOString() ?? null,
        allowance_left_ms: left,
        note: left > 0
          ? `期限暂停计算，最多还可暂停${leftText.zh}。 The clocks stop for at most ${leftText.en} more.`
          : "挂起时长已用完，期限继续计算。 The suspension allowance is used up: the clocks keep running.",
      },
    });
  });
}
