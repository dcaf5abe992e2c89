import { elapsedBudget, limitBudget } from "../routing/deadline.ts";
import { extensionPolicyFor } from "../routing/lifecycle_settings.ts";
import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import { actingAssignment, assertOpen, currentLead } from "./case_guards.ts";
import { insertExtension } from "./extension_repository.ts";
import { beijingText } from "./lifecycle_text.ts";
import { type LifecycleDeps, runCaseAction } from "./run_case_action.ts";

/** `POST /cases/{id}/extensions`: more time (延期), why, and until when. */
export interface ExtensionRequestInput {
  reason: string;
  /** The deadline asked for (ISO 8601); later than the current one. */
  proposed_due: string;
  /** For admins: which unit asks (default the lead). */
  unit?: string;
}

/**
 * A unit on the case (lead or assisting) asks for a later resolution (or contribution)
 * deadline. Refused when the matter type allows no (more) extensions, one is already pending,
 * the deadline is not later, longer than the type's `max_length`, or, for an assisting unit,
 * later than the lead's deadline. Returns the request's id; a dispatcher decides.
 */
export async function requestExtension(
  deps: LifecycleDeps,
  caseId: string,
  actor: CaseActor,
  input: ExtensionRequestInput,
): Promise<string> {
  return await runCaseAction(deps, caseId, actor, async (ctx) => {
    const { locked, ruleset, now } = ctx;
    const row = locked.row;
    assertOpen(locked, "ask for an extension");
    const a = actingAssignment(locked, actor, { unit: input.unit, action: "ask for an extension" });
    if (a.state !== "assigned" && a.state !== "accepted") {
      throw CaseActionError.conflict(
        row.state,
        `Unit ${a.unit} has nothing left to extend (its assignment is ${a.state})`,
      );
    }
    const type = ruleset.matterTypes.get(row.type);
    const policy = extensionPolicyFor(ruleset.lifecycle, type);
    if (policy.maxCount === 0) {
      throw CaseActionError.conflict(
        row.state,
        `Matter type ${row.type} allows no extensions`,
        "proposed_due",
      );
    }
    if (a.extensions_granted >= policy.maxCount) {
      throw CaseActionError.conflict(
        row.state,
        `Unit ${a.unit} has had ${a.extensions_granted} extension(s); matter type ${row.type} allows ${policy.maxCount}`,
        "proposed_due",
      );
    }
    const pending = await ctx.trx.selectFrom("case_extensions").select("id")
      .where("assignment_id", "=", a.id).where("status", "=", "pending").executeTakeFirst();
    if (pending) {
      throw CaseActionError.conflict(
        row.state,
        `Unit ${a.unit} already has a pending extension request (${pending.id})`,
        "proposed_due",
      );
    }
    const proposed = new Date(input.proposed_due);
    if (!(proposed > a.resolve_by)) {
      throw CaseActionError.invalid(
        "proposed_due",
        `proposed_due must be later than the current deadline ${a.resolve_by.toISOString()}`,
      );
    }
    if (policy.maxLength) {
      const wanted = elapsedBudget(ruleset.calendar, a.resolve_by, proposed, a.resolve_counting);
      const allowed = limitBudget(
        ruleset.calendar,
        a.resolve_by,
        policy.maxLength,
        a.resolve_counting,
      );
      if (wanted > allowed) {
        throw CaseActionError.invalid(
          "proposed_due",
          `An extension of matter type ${row.type} is at most ${policy.maxLengthText}${
            a.resolve_counting === "working" ? " of working time" : ""
          }`,
        );
      }
    }
    const lead = currentLead(locked);
    if (a.role === "assist" && lead && proposed > lead.resolve_by) {
      throw CaseActionError.invalid(
        "proposed_due",
        `An assisting unit's deadline cannot be later than the lead's (${lead.resolve_by.toISOString()})`,
      );
    }
    const id = crypto.randomUUID();
    await insertExtension(ctx.trx, {
      id,
      case_id: row.id,
      assignment_id: a.id,
      unit: a.unit,
      reason: input.reason,
      requested_by: actor.label,
      requested_at: now,
      previous_due: a.resolve_by,
      proposed_due: proposed,
      status: "pending",
      decided_by: null,
      decided_at: null,
      decision_note: null,
      granted_due: null,
    });
    ctx.event("extension_requested", {
      unit: a.unit,
      note: input.reason,
      data: {
        extension_id: id,
        role: a.role,
        current_due: a.resolve_by.toISOString(),
        proposed_due: proposed.toISOString(),
        proposed_due_beijing: beijingText(proposed),
      },
    });
    return id;
  });
}
