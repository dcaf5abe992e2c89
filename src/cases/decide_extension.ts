import { elapsedBudget } from "../routing/deadline.ts";
import { LIVE_STATES } from "./assignment_repository.ts";
import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import { assertOpen } from "./case_guards.ts";
import { updateExtension } from "./extension_repository.ts";
import { type LifecycleDeps, runCaseAction } from "./run_case_action.ts";

/** `POST /cases/{id}/extensions/{extension_id}/decision`. */
export interface ExtensionDecisionInput {
  /** `approve` the proposed deadline, `shorten` it to `due`, or `refuse`. */
  decision: "approve" | "shorten" | "refuse";
  /** With `shorten`: the deadline granted, later than the current and earlier than proposed. */
  due?: string;
  note?: string;
}

/**
 * A dispatcher (or admin) decides an extension request. An approved (or shortened) extension
 * adds the granted time to the unit's limit, counted as the limit is (calendar or working
 * time): its deadline moves, its timers are re-planned and it may be warned again before the
 * new deadline; the original deadline is kept. A refused one changes nothing else.
 */
export async function decideExtension(
  deps: LifecycleDeps,
  caseId: string,
  extensionId: string,
  actor: CaseActor,
  input: ExtensionDecisionInput,
): Promise<void> {
  await runCaseAction(deps, caseId, actor, async (ctx) => {
    const { locked, ruleset, now } = ctx;
    const ext = await ctx.trx.selectFrom("case_extensions").selectAll()
      .where("id", "=", extensionId).where("case_id", "=", caseId).executeTakeFirst();
    if (!ext) throw CaseActionError.notFound(`No extension ${extensionId} on case ${caseId}`);
    if (ext.status !== "pending") {
      throw CaseActionError.conflict(
        locked.row.state,
        `Extension ${extensionId} was already ${ext.status}`,
        "decision",
      );
    }
    assertOpen(locked, "decide an extension");
    const a = locked.assignments.find((x) => x.id === ext.assignment_id);
    if (!a || !LIVE_STATES.includes(a.state)) {
      throw CaseActionError.conflict(
        locked.row.state,
        `Unit ${ext.unit} is no longer on the case with a deadline to extend`,
        "decision",
      );
    }
    const decided = { decided_by: actor.label, decided_at: now, decision_note: input.note ?? null };
    if (input.decision === "refuse") {
      await updateExtension(ctx.trx, ext.id, { ...decided, status: "refused" });
      ctx.event("extension_refused", {
        unit: ext.unit,
        note: input.note ?? null,
        data: { extension_id: ext.id, due: a.resolve_by.toISOString() },
      });
      return;
    }
    let granted = ext.proposed_due;
    if (input.decision === "shorten") {
      if (input.due === undefined) {
        throw CaseActionError.invalid("due", "shorten needs the deadline granted in due");
      }
      granted = new Date(input.due);
      if (!(granted > a.resolve_by) || !(granted < ext.proposed_due)) {
        throw CaseActionError.invalid(
          "due",
          `due must be after the current deadline ${a.resolve_by.toISOString()} and before the proposed ${ext.proposed_due.toISOString()}`,
        );
      }
    } else if (!(granted > a.resolve_by)) {
      throw CaseActionError.conflict(
        locked.row.state,
        `The proposed deadline ${granted.toISOString()} is no longer later than the current one`,
        "decision",
      );
    }
    const added = elapsedBudget(ruleset.calendar, a.resolve_by, granted, a.resolve_counting);
    await ctx.updateAssignment(a.id, {
      extension_seconds: a.extension_seconds + Math.ceil(added / 1000),
      extensions_granted: a.extensions_granted + 1,
      resolve_warned_at: null,
    });
    await updateExtension(ctx.trx, ext.id, {
      ...decided,
      status: "approved",
      granted_due: granted,
    });
    ctx.event("extension_approved", {
      unit: ext.unit,
      note: input.note ?? null,
      data: {
        extension_id: ext.id,
        shortened: input.decision === "shorten",
        previous_due: a.resolve_by.toISOString(),
        granted_due: granted.toISOString(),
        original_due: a.resolve_by_original.toISOString(),
      },
    });
  });
}
