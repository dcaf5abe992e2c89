import { decide } from "../routing/decide.ts";
import type { Decision } from "../routing/decision.ts";
import { assignmentLimits, planAssignment, planToDeadlines } from "../routing/plan_assignment.ts";
import { insertAssignments } from "./assignment_repository.ts";
import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import { caseFactsOf } from "./case_facts_of.ts";
import { actingAssignment, assertOpen } from "./case_guards.ts";
import { newAssignment } from "./new_assignment.ts";
import { type LifecycleDeps, runCaseAction } from "./run_case_action.ts";

/** `POST /cases/{id}/return`: why the unit sends the case back (退单). */
export interface ReturnInput {
  reason: string;
  /** For admins: the unit that returns (default the lead). */
  unit?: string;
}

/**
 * A unit returns (退单) a case it does not own, with a reason.
 *
 * - The lead: the case is routed again by the active ruleset with this unit and every earlier
 *   returner excluded (`decide(..., { exclude })`), and the new owner gets it with fresh
 *   deadlines. From the `lifecycle.max_returns`-th return (default 3) on, it goes to the
 *   fallback unit for manual dispatch (人工派单) instead. The fallback unit itself cannot
 *   return (it reassigns). A `reroute` decision is logged.
 * - An assisting unit: it leaves the case; the lead goes on without it. Also logged as
 *   `reroute` (who is on the case changed).
 */
export async function returnCase(
  deps: LifecycleDeps,
  caseId: string,
  actor: CaseActor,
  input: ReturnInput,
): Promise<void> {
  await runCaseAction(deps, caseId, actor, async (ctx) => {
    const { locked, ruleset, now } = ctx;
    const row = locked.row;
    assertOpen(locked, "return");
    if (row.state === "suspended") {
      throw CaseActionError.conflict(
        "suspended",
        "Cannot return a suspended case; resume it first",
      );
    }
    const assignment = actingAssignment(locked, actor, { unit: input.unit, action: "return" });
    if (assignment.state !== "assigned" && assignment.state !== "accepted") {
      throw CaseActionError.conflict(
        row.state,
        `Unit ${assignment.unit} cannot return the case: its assignment is ${assignment.state}`,
      );
    }
    const nameZh = (code: string) => ruleset.units.get(code)?.name_zh ?? code;
    const nameEn = (code: string) => ruleset.units.get(code)?.name_en ?? code;
    const facts = caseFactsOf(row);
    const unit = assignment.unit;

    if (assignment.role === "assist") {
      await ctx.endAssignment(assignment.id, "returned", input.reason);
      const remaining = locked.assignments
        .filter((a) => a.role === "assist" && a.state !== "ended" && a.id !== assignment.id)
        .map((a) => a.unit);
      ctx.event("returned", { unit, note: input.reason, data: { role: "assist" } });
      ctx.decision({
        kind: "reroute",
        facts: { ...facts },
        outcome: {
          owner: row.owner,
          returned_unit: unit,
          removed_units: [unit],
          assisting_units: remaining,
        },
        reason: {
          zh: `协办单位${nameZh(unit)}退单：${input.reason}。主办单位${
            nameZh(row.owner)
          }继续办理，不再等待其协办。`,
          en: `Assisting unit ${nameEn(unit)} returned the case: ${input.reason}. ${
            nameEn(row.owner)
          } goes on without it.`,
        },
      });
      return;
    }

    const fallbackUnit = ruleset.document.fallback_unit;
    if (unit === fallbackUnit) {
      throw CaseActionError.conflict(
        row.state,
        `The fallback unit ${unit} dispatches by hand (人工派单): reassign the case instead of returning it`,
      );
    }
    await ctx.endAssignment(assignment.id, "returned", input.reason);
    const returns = row.return_count + 1;
    const returners = [
      ...new Set([
        ...locked.assignments
          .filter((a) => a.role === "lead" && a.end_reason === "returned")
          .map((a) => a.unit),
        unit,
      ]),
    ];
    const max = ruleset.lifecycle.maxReturns;
    const prefix = {
      zh: `${nameZh(unit)}退单（第${returns}次）：${input.reason}。`,
      en: `${nameEn(unit)} returned the case (return ${returns}): ${input.reason}.`,
    };
    let decision: Decision | null = null;
    let owner: string;
    let reason: { zh: string; en: string };
    if (returns >= max) {
      owner = fallbackUnit;
      reason = {
        zh: `${prefix.zh}已退单${returns}次，达到规则集上限（${max}次），转兜底单位${
          nameZh(owner)
        }人工派单。`,
        en:
          `${prefix.en} After ${returns} returns (the ruleset allows ${max}) it goes to the fallback unit, ${
            nameEn(owner)
          }, for manual dispatch.`,
      };
    } else {
      decision = await decide(ruleset, facts, now, { exclude: returners });
      owner = decision.owner;
      reason = {
        zh:
          `${prefix.zh}按现行规则（第${ruleset.version}版）重新派单，排除已退单单位：${decision.reason.zh}`,
        en:
          `${prefix.en} Routed again by the active ruleset (version ${ruleset.version}) without the units that returned it: ${decision.reason.en}`,
      };
    }
    const priority = decision?.priority ?? row.priority;
    // A unit that assisted and now leads stops assisting.
    for (const a of locked.assignments) {
      if (a.role === "assist" && a.unit === owner && a.state !== "ended") {
        await ctx.endAssignment(a.id, "promoted", null);
      }
    }
    const limits = assignmentLimits(ruleset, row.type, priority === "urgent", "lead");
    const plan = planAssignment(ruleset, limits, now);
    await insertAssignments(ctx.trx, [newAssignment(row.id, owner, "lead", limits, plan, now)]);
    await ctx.updateCase({
      owner,
      state: "assigned",
      priority,
      return_count: returns,
      accepted_at: null,
    });
    ctx.event("returned", { unit, note: input.reason, data: { role: "lead", returns } });
    ctx.event("rerouted", {
      unit: owner,
      note: `${reason.zh} ${reason.en}`,
      data: { from: unit, fallback: decision?.fallback ?? true, exclude: returners },
    });
    ctx.decision({
      kind: "reroute",
      matched_rules: decision?.matched_rules ?? [],
      facts: { ...facts, exclude: returners },
      outcome: {
        owner,
        from_owner: unit,
        returned_unit: unit,
        returns,
        list_owner: decision?.list_owner ?? ruleset.matterTypes.get(row.type)?.owner ?? null,
        fallback: decision?.fallback ?? true,
        priority,
        deadlines: planToDeadlines(plan, limits),
      },
      reason,
    });
    ctx.notify(owner, "lead", "assigned");
  });
}
