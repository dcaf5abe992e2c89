import type { DecisionEntry } from "../audit/decision_entry.ts";
import { decisionsForCases } from "../audit/decisions_for_cases.ts";
import type { Queryable } from "../db/database.ts";
import type { RecordSet } from "../db/record_set.ts";
import { type CaseRecord, toCaseRecord } from "./case_record.ts";
import { decisionFromLog } from "./decision_from_log.ts";
import type { IntakeItem, IntakeOutcome } from "./intake_item.ts";
import type { Insertable } from "kysely";
import type { CaseAssignmentTable } from "../db/tables/case_assignment_table.ts";
import { CASE_COLUMN_TYPES } from "../db/tables/case_table.ts";
import type { CaseTimerTable } from "../db/tables/case_timer_table.ts";
import { timerRecords } from "../escalation/case_timer_repository.ts";
import { planCaseTimers } from "../escalation/plan_case_timers.ts";
import { noticeRecords } from "../notifications/enqueue_notices.ts";
import type { OutgoingNotice } from "../notifications/webhook_notice.ts";
import { caseEventRecords, type NewCaseEvent } from "./case_event_repository.ts";
import { calendarWarningNote } from "./calendar_warning_note.ts";
import { assignmentRecords } from "./assignment_repository.ts";
import { newAssignment, planFromDeadlines } from "./new_assignment.ts";
import { storeNewCases } from "./store_new_cases.ts";

/** What intake needs besides the items: where units want to be told of new cases. */
export interface IntakeWriteOptions {
  /** The webhook URL of a unit (`webhook_url` in the active ruleset), if it has one. */
  webhookUrl?: (unit: string) => string | undefined;
}

/** The columns intake sets on a new case (the lifecycle's columns keep their defaults). */
const CASE_COLUMNS = Object.fromEntries(
  ([
    "id",
    "source",
    "external_id",
    "type",
    "title",
    "description",
    "area_code",
    "grid_code",
    "address",
    "lat",
    "lng",
    "urgency",
    "channel",
    "reporter",
    "reported_at",
    "received_at",
    "state",
    "owner",
    "priority",
    "ruleset_version",
    "accept_by",
    "resolve_by",
    "updated_at",
    "attributes",
    "media_url",
    "address_id",
  ] as const).map((name) => [name, CASE_COLUMN_TYPES[name]]),
);

const keyOf = (item: IntakeItem) => `${item.input.source}\u0000${item.input.external_id}`;

function caseRow(item: IntakeItem) {
  const { input, decision } = item;
  return {
    id: item.id,
    source: input.source,
    external_id: input.external_id,
    type: input.type,
    title: input.title,
    description: input.description,
    area_code: input.location.area_code ?? null,
    grid_code: input.location.grid_code ?? null,
    address: input.location.address ?? null,
    lat: input.location.lat ?? null,
    lng: input.location.lng ?? null,
    urgency: input.urgency,
    channel: input.channel,
    reporter: input.reporter ?? null,
    reported_at: new Date(input.reported_at),
    received_at: item.receivedAt,
    state: "assigned",
    owner: decision.owner,
    priority: decision.priority,
    ruleset_version: decision.ruleset.version,
    accept_by: new Date(decision.deadlines.accept_by),
    resolve_by: new Date(decision.deadlines.resolve_by),
    updated_at: item.receivedAt,
    attributes: input.attributes ?? null,
    media_url: input.media_url ?? null,
    address_id: input.location.address_id ?? null,
  };
}

function routeEntry(item: IntakeItem): DecisionEntry {
  const { decision } = item;
  return {
    case_id: item.id,
    kind: "route",
    ruleset_version: decision.ruleset.version,
    ruleset_hash: decision.ruleset.hash,
    matched_rules: decision.matched_rules,
    facts: { ...item.facts },
    outcome: {
      owner: decision.owner,
      list_owner: decision.list_owner,
      fallback: decision.fallback,
      priority: decision.priority,
      deadlines: decision.deadlines,
      ...(decision.assisting ? { assisting: decision.assisting } : {}),
    },
    reason: decision.reason,
    actor: item.actor,
    request_id: item.requestId,
    created_at: item.receivedAt,
  };
}

/**
 * Stores a batch of routed cases, their lifecycle rows and their route decisions in one atomic
 * statement (`storeNewCases`), and answers each item in order. Idempotent on (source,
 * external_id): within the batch the first item of a key wins and the others get the same
 * answer; a key already stored (by an earlier batch or another instance) is answered with the
 * stored case and its original decision.
 */
export async function writeIntakeBatch(
  db: Queryable,
  items: readonly IntakeItem[],
  options: IntakeWriteOptions = {},
): Promise<IntakeOutcome[]> {
  const firstOfKey = new Map<string, IntakeItem>();
  for (const item of items) {
    if (!firstOfKey.has(keyOf(item))) firstOfKey.set(keyOf(item), item);
  }
  const unique = [...firstOfKey.values()];
  const rows = unique.map(caseRow);
  const insertedIds = await storeNewCases(db, {
    cases: { table: "cases", columns: CASE_COLUMNS, rows },
    dependents: lifecycleRecords(unique, options),
    decisions: unique.map(routeEntry),
  });

  const answers = new Map<string, IntakeOutcome>();
  unique.forEach((item, i) => {
    if (!insertedIds.has(item.id)) return;
    answers.set(keyOf(item), {
      status: "created",
      case: toCaseRecord(rows[i]),
      decision: item.decision,
    });
  });
  const already = unique.filter((item) => !insertedIds.has(item.id));
  if (already.length > 0) {
    for (const outcome of await storedOutcomes(db, already)) {
      answers.set(`${outcome.case.source}\u0000${outcome.case.external_id}`, outcome);
    }
  }
  return items.map((item) => {
    const answer = answers.get(keyOf(item));
    if (!answer) throw new Error(`intake lost track of case ${keyOf(item)}`);
    // A second item with the same key is a retry of the first: same case, same decision.
    const first = firstOfKey.get(keyOf(item)) === item;
    return first ? answer : { ...answer, status: "existing" };
  });
}

/**
 * The lifecycle rows of new cases: the lead's and assisting units' assignments with their
 * deadlines, their first timers, the `assigned` timeline entries (and a calendar warning when a
 * working-time deadline falls in a year without a holiday calendar), and webhook notices.
 */
function lifecycleRecords(
  created: readonly IntakeItem[],
  options: IntakeWriteOptions,
): RecordSet[] {
  const assignments: Insertable<CaseAssignmentTable>[] = [];
  const timers: Insertable<CaseTimerTable>[] = [];
  const events: NewCaseEvent[] = [];
  const notices: OutgoingNotice[] = [];
  for (const item of created) {
    const { decision, receivedAt: at } = item;
    const parts = [
      { unit: decision.owner, role: "lead" as const, deadlines: decision.deadlines },
      ...(decision.assisting ?? []).map((a) => ({
        unit: a.unit,
        role: "assist" as const,
        deadlines: a.deadlines,
      })),
    ];
    const gaps = new Set<number>();
    for (const part of parts) {
      const { limits, plan } = planFromDeadlines(part.deadlines, at);
      const row = newAssignment(item.id, part.unit, part.role, limits, plan, at);
      assignments.push(row);
      timers.push(...planCaseTimers([{
        id: row.id,
        case_id: item.id,
        state: "assigned",
        accept_by: plan.accept_by,
        accept_warn_at: plan.accept_warn_at,
        resolve_by: plan.resolve_by,
        resolve_warn_at: plan.resolve_warn_at,
        accept_warned_at: null,
        resolve_warned_at: null,
      }], null));
      for (const year of plan.uncovered_years) gaps.add(year);
      events.push({
        case_id: item.id,
        at,
        kind: "assigned",
        actor: item.actor,
        unit: part.unit,
        data: {
          role: part.role,
          accept_by: part.deadlines.accept_by,
          resolve_by: part.deadlines.resolve_by,
        },
      });
      const url = options.webhookUrl?.(part.unit);
      if (url) {
        notices.push({
          case_id: item.id,
          unit: part.unit,
          url,
          event: "assigned",
          created_at: at,
          payload: {
            event: "assigned",
            unit: part.unit,
            role: part.role,
            case: {
              id: item.id,
              type: item.input.type,
              title: item.input.title,
              state: "assigned",
              owner: decision.owner,
              priority: decision.priority,
              accept_by: part.deadlines.accept_by,
              resolve_by: part.deadlines.resolve_by,
            },
            at: at.toISOString(),
          },
        });
      }
    }
    if (gaps.size > 0) {
      const years = [...gaps].sort((a, b) => a - b);
      events.push({
        case_id: item.id,
        at,
        kind: "calendar_warning",
        actor: item.actor,
        note: calendarWarningNote(years),
        data: { uncovered_years: years },
      });
    }
  }
  return [
    assignmentRecords(assignments),
    timerRecords(timers),
    caseEventRecords(events),
    noticeRecords(notices),
  ];
}

async function storedOutcomes(
  db: Queryable,
  items: readonly IntakeItem[],
): Promise<IntakeOutcome[]> {
  const rows = await db
    .selectFrom("cases")
    .selectAll()
    .where((eb) =>
      eb.or(items.map((item) =>
        eb.and([
          eb("source", "=", item.input.source),
          eb("external_id", "=", item.input.external_id),
        ])
      ))
    )
    .execute();
  const cases: CaseRecord[] = rows.map(toCaseRecord);
  const decisions = await decisionsForCases(db, cases.map((c) => c.id));
  return cases.map((record) => {
    const route = decisions.find((d) => d.case_id === record.id && d.kind === "route");
    if (!route) throw new Error(`case ${record.id} has no route decision in the log`);
    return { status: "existing", case: record, decision: decisionFromLog(route) };
  });
}
