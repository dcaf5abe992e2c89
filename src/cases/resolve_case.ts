import { LIVE_STATES } from "./assignment_repository.ts";
import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import { caseFactsOf } from "./case_facts_of.ts";
import { actingAssignment, assertOpen } from "./case_guards.ts";
import { type LifecycleDeps, runCaseAction } from "./run_case_action.ts";

/** `POST /cases/{id}/resolve`: what was done, and assisting units the lead goes on without. */
export interface ResolveInput {
  summary: string;
  /** Assisting units that have not submitted, each with why the lead resolves without them. */
  proceed_without?: { unit: string; reason: string }[];
  /** For admins: must be the lead unit (the default). */
  unit?: string;
}

/**
 * The lead unit resolves (办结) the case. It must have accepted it, the case must not be
 * suspended, and every assisting unit must have submitted its part, or be named in
 * `proceed_without` with a reason (those assignments end as `waived`, an `override` decision
 * logs it). Timers stop; the case waits for the citizen's feedback (close).
 */
export async function resolveCase(
  deps: LifecycleDeps,
  caseId: string,
  actor: CaseActor,
  input: ResolveInput,
): Promise<void> {
  await runCaseAction(deps, caseId, actor, async (ctx) => {
    const { locked, ruleset, now } = ctx;
    const row = locked.row;
    assertOpen(locked, "resolve");
    if (row.state === "suspended") {
      throw CaseActionError.conflict(
        "suspended",
        "Cannot resolve a suspended case; resume it first",
      );
    }
    const lead = actingAssignment(locked, actor, {
      unit: input.unit,
      role: "lead",
      action: "resolve",
    });
    if (lead.state !== "accepted") {
      throw CaseActionError.conflict(
        row.state,
        `Cannot resolve: the lead unit ${lead.unit} has not accepted the case (accept it first)`,
      );
    }
    const pending = locked.assignments.filter((a) =>
      a.role === "assist" && LIVE_STATES.includes(a.state)
    );
    const waivers = input.proceed_without ?? [];
    for (const [i, waiver] of waivers.entries()) {
      if (!pending.some((a) => a.unit === waiver.unit)) {
        throw CaseActionError.invalid(
          `proceed_without[${i}].unit`,
          `${waiver.unit} is not an assisting unit that still owes its part`,
        );
      }
    }
    const missing = pending.filter((a) => !waivers.some((w) => w.unit === a.unit));
    if (missing.length > 0) {
      const units = missing.map((a) => a.unit).join(", ");
      throw CaseActionError.conflict(
        row.state,
        `Cannot resolve yet: assisting unit${missing.length === 1 ? "" : "s"} ${units} ${
          missing.length === 1 ? "has" : "have"
        } not submitted ${missing.length === 1 ? "its" : "their"} part; wait, or name ${
          missing.length === 1 ? "it" : "them"
        } in proceed_without with a reason`,
        "proceed_without",
      );
    }
    const nameZh = (code: string) => ruleset.units.get(code)?.name_zh ?? code;
    const nameEn = (code: string) => ruleset.units.get(code)?.name_en ?? code;
    for (const waiver of waivers) {
      const a = pending.find((p) => p.unit === waiver.unit)!;
      await ctx.endAssignment(a.id, "waived", waiver.reason);
      ctx.event("assist_waived", { unit: waiver.unit, note: waiver.reason });
    }
    if (waivers.length > 0) {
      ctx.decision({
        kind: "override",
        facts: { ...caseFactsOf(row) },
        outcome: {
          owner: lead.unit,
          removed_units: waivers.map((w) => w.unit),
          waived: waivers,
        },
        reason: {
          zh: `主办单位${nameZh(lead.unit)}在${
            waivers.map((w) => `${nameZh(w.unit)}（${w.reason}）`).join("、")
          }未提交协办意见的情况下办结。`,
          en: `${nameEn(lead.unit)} resolves without the part of ${
            waivers.map((w) => `${nameEn(w.unit)} (${w.reason})`).join(", ")
          }.`,
        },
      });
    }
    await ctx.updateAssignment(lead.id, { state: "resolved", resolved_at: now });
    await ctx.updateCase({ state: "resolved", resolved_at: now });
    ctx.event("resolved", { unit: lead.unit, note: input.summary, public: true });
  });
}
