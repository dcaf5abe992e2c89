/**
 * Checks every case action makes before it changes anything: is the case still open, and which
 * assignment does the caller act for.
 *
 * @module
 */

import type { AssignmentRow } from "./assignment_repository.ts";
import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import type { LockedCase } from "./run_case_action.ts";

/** 409 unless the case is still being handled (not resolved, not closed). */
export function assertOpen(locked: LockedCase, action: string): void {
  const { state } = locked.row;
  if (state === "resolved" || state === "closed") {
    const next = state === "resolved" ? "close it with feedback" : "reopen it if unsatisfied";
    throw CaseActionError.conflict(
      state,
      `Cannot ${action}: the case is ${state} (next step: ${next})`,
    );
  }
}

/** 409 unless the case is in one of `states`. */
export function assertState(locked: LockedCase, states: readonly string[], action: string): void {
  const { state } = locked.row;
  if (!states.includes(state)) {
    throw CaseActionError.conflict(
      state,
      `Cannot ${action}: the case is ${state}; this needs ${states.join(" or ")}`,
    );
  }
}

/** The current lead assignment (not ended), if any. */
export function currentLead(locked: LockedCase): AssignmentRow | undefined {
  return locked.assignments.findLast((a) => a.role === "lead" && a.state !== "ended");
}

/**
 * The assignment the caller acts for: a `unit` token acts for its own unit (and may not name
 * another); an admin, dispatcher or the system acts for `unit` when given, else for the lead.
 * 403 when a unit token's unit is not on the case (in `role`, when given).
 */
export function actingAssignment(
  locked: LockedCase,
  actor: CaseActor,
  options: { unit?: string; role?: "lead" | "assist"; action: string },
): AssignmentRow {
  const lead = currentLead(locked);
  let unit: string | undefined;
  if (actor.role === "unit") {
    if (options.unit !== undefined && options.unit !== actor.unit) {
      throw CaseActionError.forbidden(
        `This token acts for unit ${actor.unit}, not ${options.unit}`,
      );
    }
    unit = actor.unit ?? undefined;
  } else {
    unit = options.unit ?? lead?.unit;
  }
  const mine = locked.assignments.filter((a) => a.unit === unit && a.state !== "ended");
  const found = options.role ? mine.findLast((a) => a.role === options.role) : mine.at(-1);
  if (found) return found;
  const leadText = lead ? `its lead unit is ${lead.unit}` : "it has no lead unit";
  if (mine.length > 0 && options.role) {
    throw CaseActionError.forbidden(
      `Only ${
        options.role === "lead" ? "the lead unit" : "an assisting unit"
      } can ${options.action}; ${unit} is on case ${locked.row.id} as ${mine.at(-1)!.role}`,
    );
  }
  if (actor.role === "unit") {
    throw CaseActionError.forbidden(
      `Unit ${unit} is not on case ${locked.row.id} (${leadText}); a unit token acts only on its own cases`,
    );
  }
  throw CaseActionError.invalid(
    "unit",
    `Unit ${unit ?? "(none)"} is not on case ${locked.row.id} (${leadText})`,
  );
}
