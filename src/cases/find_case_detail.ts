/**
 * A case as `GET /cases/{id}` shows it: the stored case, who is on it (lead 主办, assisting units
 * 协办, everyone who ever was), each unit's deadlines (original and extended), extensions,
 * suspensions, the timeline and the decision history.
 *
 * @module
 */

import type { Selectable } from "kysely";
import type { LoggedDecision } from "../audit/decision_entry.ts";
import { decisionsForCases } from "../audit/decisions_for_cases.ts";
import type { Queryable } from "../db/database.ts";
import type { CaseEventTable } from "../db/tables/case_event_table.ts";
import { type AssignmentRow, caseAssignments } from "./assignment_repository.ts";
import { type CaseRecord, toCaseRecord } from "./case_record.ts";
import { caseEvents } from "./case_event_repository.ts";
import { caseExtensions, type ExtensionRow } from "./extension_repository.ts";
import { caseSuspensions, type SuspensionRow } from "./suspension_repository.ts";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** One unit's stint on the case. */
export interface AssignmentView {
  id: string;
  unit: string;
  role: "lead" | "assist";
  state: AssignmentRow["state"];
  assigned_at: string;
  accepted_at: string | null;
  submitted_at: string | null;
  resolved_at: string | null;
  ended_at: string | null;
  /** returned, escalated, reassigned, removed, waived, promoted. */
  end_reason: string | null;
  end_note: string | null;
  limits: {
    accept: string;
    resolve: string;
    accept_counting: "calendar" | "working";
    resolve_counting: "calendar" | "working";
  };
  deadlines: {
    accept_by: string;
    accept_warn_at: string;
    /** The deadline in force (a lead's resolution, an assisting unit's contribution). */
    resolve_by: string;
    resolve_warn_at: string;
    /** Without extensions (suspended time still excluded). */
    resolve_by_original: string;
    /** The deadline approved extensions set, or null when none was granted. */
    resolve_by_extended: string | null;
  };
  extensions_granted: number;
  warned: { accept: string | null; resolve: string | null };
  /** Limits that passed at the top of the chain, with nowhere to escalate. */
  breached: { accept: string | null; resolve: string | null };
  /** Years without a holiday calendar its working-time deadlines cross. */
  uncovered_years: number[];
}

/** A timeline entry. */
export interface EventView {
  id: number;
  at: string;
  kind: string;
  actor: string;
  unit: string | null;
  note: string | null;
  public: boolean;
  data: Record<string, unknown>;
}

/** An extension request and its decision. */
export interface ExtensionView {
  id: string;
  unit: string;
  assignment_id: string;
  status: "pending" | "approved" | "refused";
  reason: string;
  requested_by: string;
  requested_at: string;
  previous_due: string;
  proposed_due: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  granted_due: string | null;
}

/** A suspension. */
export interface SuspensionView {
  id: string;
  reason: string;
  suspended_at: string;
  suspended_by: string;
  resume_at: string | null;
  resumed_at: string | null;
  resumed_by: string | null;
  resume_note: string | null;
}

/** The whole case. */
export interface CaseDetail extends Omit<CaseRecord, "deadlines"> {
  /** The lead's deadlines in force, original and extended, and the case's calendar warning. */
  deadlines: {
    accept_by: string;
    resolve_by: string;
    resolve_by_original: string | null;
    resolve_by_extended: string | null;
    accept_warn_at: string | null;
    resolve_warn_at: string | null;
    uncovered_years: number[];
  };
  accepted_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  satisfaction: "satisfied" | "basic" | "unsatisfied" | null;
  return_count: number;
  escalation_count: number;
  reopen_count: number;
  /** The current lead (主办), or null when none (e.g. a closed case keeps its resolved lead). */
  lead: AssignmentView | null;
  /** Assisting units (协办) on the case now (not ended). */
  assistants: AssignmentView[];
  /** Every assignment ever, oldest first. */
  assignments: AssignmentView[];
  extensions: ExtensionView[];
  suspensions: SuspensionView[];
  timeline: EventView[];
  history: LoggedDecision[];
}

function assignmentView(a: AssignmentRow): AssignmentView {
  return {
    id: a.id,
    unit: a.unit,
    role: a.role,
    state: a.state,
    assigned_at: a.assigned_at.toISOString(),
    accepted_at: iso(a.accepted_at),
    submitted_at: iso(a.submitted_at),
    resolved_at: iso(a.resolved_at),
    ended_at: iso(a.ended_at),
    end_reason: a.end_reason,
    end_note: a.end_note,
    limits: {
      accept: a.accept_limit,
      resolve: a.resolve_limit,
      accept_counting: a.accept_counting,
      resolve_counting: a.resolve_counting,
    },
    deadlines: {
      accept_by: a.accept_by.toISOString(),
      accept_warn_at: a.accept_warn_at.toISOString(),
      resolve_by: a.resolve_by.toISOString(),
      resolve_warn_at: a.resolve_warn_at.toISOString(),
      resolve_by_original: a.resolve_by_original.toISOString(),
      resolve_by_extended: a.extensions_granted > 0 ? a.resolve_by.toISOString() : null,
    },
    extensions_granted: a.extensions_granted,
    warned: { accept: iso(a.accept_warned_at), resolve: iso(a.resolve_warned_at) },
    breached: { accept: iso(a.accept_breached_at), resolve: iso(a.resolve_breached_at) },
    uncovered_years: a.uncovered_years ? a.uncovered_years.split(",").map(Number) : [],
  };
}

function eventView(e: Selectable<CaseEventTable>): EventView {
  return {
    id: Number(e.id),
    at: e.at.toISOString(),
    kind: e.kind,
    actor: e.actor,
    unit: e.unit,
    note: e.note,
    public: e.public,
    data: (e.data ?? {}) as Record<string, unknown>,
  };
}

function extensionView(x: ExtensionRow): ExtensionView {
  return {
    id: x.id,
    unit: x.unit,
    assignment_id: x.assignment_id,
    status: x.status,
    reason: x.reason,
    requested_by: x.requested_by,
    requested_at: x.requested_at.toISOString(),
    previous_due: x.previous_due.toISOString(),
    proposed_due: x.proposed_due.toISOString(),
    decided_by: x.decided_by,
    decided_at: iso(x.decided_at),
    decision_note: x.decision_note,
    granted_due: iso(x.granted_due),
  };
}

function suspensionView(s: SuspensionRow): SuspensionView {
  return {
    id: s.id,
    reason: s.reason,
    suspended_at: s.suspended_at.toISOString(),
    suspended_by: s.suspended_by,
    resume_at: iso(s.resume_at),
    resumed_at: iso(s.resumed_at),
    resumed_by: s.resumed_by,
    resume_note: s.resume_note,
  };
}

/** The case with this id, whole (see the module doc), or `undefined`. */
export async function findCaseDetail(
  db: Queryable,
  id: string,
): Promise<CaseDetail | undefined> {
  const row = await db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const assignments = await caseAssignments(db, id);
  const lead = assignments.findLast((a) => a.role === "lead" && a.state !== "ended") ?? null;
  const record = toCaseRecord(row);
  const leadView = lead ? assignmentView(lead) : null;
  return {
    ...record,
    deadlines: {
      accept_by: record.deadlines.accept_by,
      resolve_by: record.deadlines.resolve_by,
      resolve_by_original: leadView?.deadlines.resolve_by_original ?? null,
      resolve_by_extended: leadView?.deadlines.resolve_by_extended ?? null,
      accept_warn_at: leadView?.deadlines.accept_warn_at ?? null,
      resolve_warn_at: leadView?.deadlines.resolve_warn_at ?? null,
      uncovered_years: [
        ...new Set(
          assignments.filter((a) => a.state !== "ended")
            .flatMap((a) => assignmentView(a).uncovered_years),
        ),
      ].sort((a, b) => a - b),
    },
    accepted_at: iso(row.accepted_at),
    resolved_at: iso(row.resolved_at),
    closed_at: iso(row.closed_at),
    satisfaction: row.satisfaction as CaseDetail["satisfaction"],
    return_count: row.return_count,
    escalation_count: row.escalation_count,
    reopen_count: row.reopen_count,
    lead: leadView,
    assistants: assignments.filter((a) => a.role === "assist" && a.state !== "ended")
      .map(assignmentView),
    assignments: assignments.map(assignmentView),
    extensions: (await caseExtensions(db, id)).map(extensionView),
    suspensions: (await caseSuspensions(db, id)).map(suspensionView),
    timeline: (await caseEvents(db, id)).map(eventView),
    history: await decisionsForCases(db, [id]),
  };
}
