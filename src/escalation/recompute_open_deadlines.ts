/**
 * Recomputing open deadlines when the working calendar changes: a published ruleset that adds
 * a year's holidays clears the "uncovered year" warnings and moves the deadlines it affects.
 *
 * @module
 */

import type { Transaction } from "kysely";
import { LIVE_STATES } from "../cases/assignment_repository.ts";
import { appendCaseEvents, type NewCaseEvent } from "../cases/case_event_repository.ts";
import { calendarWarningNote } from "../cases/calendar_warning_note.ts";
import type { Database } from "../db/database.ts";
import type { CompiledRuleset } from "../routing/compile_ruleset.ts";
import { replanCases } from "./replan_cases.ts";

/** What a recomputation did. */
export interface RecomputeReport {
  /** Cases whose deadlines were recomputed. */
  cases: number;
  /** Cases whose uncovered-year warning is gone. */
  cleared: number;
  /** Cases that now cross a year no calendar covers (newly). */
  uncovered: number;
}

const CHUNK = 500;

/**
 * Recomputes, with `ruleset` (about to become or just made active, in the caller's
 * transaction), the deadlines and timers of open cases whose live assignments count time in
 * working hours, or whose deadlines crossed an uncovered year. When `previous` (the ruleset it
 * replaces) has the same calendar, only the latter are recomputed. Case rows are locked in id
 * order, a chunk at a time; each case whose warning clears gets a `calendar_warning_cleared`
 * timeline entry, each newly uncovered one a `calendar_warning`.
 *
 * Call it inside the publish transaction, before the decision log is appended (the chain lock
 * must not be held while waiting for case locks).
 *
 * @example
 * ```ts ignore
 * await recomputeOpenDeadlines(trx, compileRuleset(document, { version, hash }), now, { previous });
 * ```
 */
export async function recomputeOpenDeadlines(
  trx: Transaction<Database>,
  ruleset: CompiledRuleset,
  now: Date,
  options: { previous?: CompiledRuleset } = {},
): Promise<RecomputeReport> {
  const sameCalendar = options.previous !== undefined &&
    JSON.stringify(options.previous.document.calendar ?? {}) ===
      JSON.stringify(ruleset.document.calendar ?? {});
  let query = trx.selectFrom("case_assignments").select("case_id").distinct()
    .where("state", "in", LIVE_STATES);
  query = sameCalendar
    ? query.where("uncovered_years", "is not", null)
    : query.where((eb) =>
      eb.or([
        eb("accept_counting", "=", "working"),
        eb("resolve_counting", "=", "working"),
        eb("uncovered_years", "is not", null),
      ])
    );
  const ids = (await query.execute()).map((r) => r.case_id).sort();
  const report: RecomputeReport = { cases: 0, cleared: 0, uncovered: 0 };
  for (let i = 0; i < ids.length; i += CHUNK) {
    const locked = (await trx.selectFrom("cases").select("id")
      .where("id", "in", ids.slice(i, i + CHUNK))
      .where("state", "not in", ["resolved", "closed"])
      .orderBy("id").forUpdate().execute()).map((r) => r.id);
    const result = await replanCases(trx, ruleset, locked);
    const events: NewCaseEvent[] = [];
    for (const caseId of result.cleared) {
      events.push({
        case_id: caseId,
        at: now,
        kind: "calendar_warning_cleared",
        actor: "system:publish",
        note: `第${ruleset.version}版规则集已载入所需年份的节假日安排，期限已重新计算。 ` +
          `Ruleset version ${ruleset.version} covers the year: deadlines recomputed.`,
        data: { ruleset_version: ruleset.version },
      });
    }
    for (const [caseId, years] of result.newlyUncovered) {
      events.push({
        case_id: caseId,
        at: now,
        kind: "calendar_warning",
        actor: "system:publish",
        note: calendarWarningNote(years),
        data: { uncovered_years: years, ruleset_version: ruleset.version },
      });
    }
    await appendCaseEvents(trx, events);
    report.cases += locked.length;
    report.cleared += result.cleared.length;
    report.uncovered += result.newlyUncovered.size;
  }
  return report;
}
