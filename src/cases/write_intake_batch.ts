import type { Transaction } from "kysely";
import { appendDecisions } from "../audit/append_decisions.ts";
import type { DecisionEntry } from "../audit/decision_entry.ts";
import { decisionsForCases } from "../audit/decisions_for_cases.ts";
import type { Database } from "../db/database.ts";
import { jsonb } from "../db/jsonb.ts";
import { type CaseRecord, toCaseRecord } from "./case_record.ts";
import { decisionFromLog } from "./decision_from_log.ts";
import type { IntakeItem, IntakeOutcome } from "./intake_item.ts";

const ROWS_PER_INSERT = 1000;

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
    reporter: input.reporter ? jsonb(input.reporter) : null,
    reported_at: new Date(input.reported_at),
    received_at: item.receivedAt,
    state: "assigned",
    owner: decision.owner,
    priority: decision.priority,
    ruleset_version: decision.ruleset.version,
    accept_by: new Date(decision.deadlines.accept_by),
    resolve_by: new Date(decision.deadlines.resolve_by),
    updated_at: item.receivedAt,
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
    },
    reason: decision.reason,
    actor: item.actor,
    request_id: item.requestId,
    created_at: item.receivedAt,
  };
}

/**
 * Stores a batch of routed cases and their route decisions in one transaction, and answers each
 * item in order. Idempotent on (source, external_id): within the batch the first item of a key
 * wins and the others get the same answer; a key already stored (by an earlier batch or another
 * instance) is answered with the stored case and its original decision.
 */
export async function writeIntakeBatch(
  trx: Transaction<Database>,
  items: readonly IntakeItem[],
): Promise<IntakeOutcome[]> {
  const firstOfKey = new Map<string, IntakeItem>();
  for (const item of items) {
    if (!firstOfKey.has(keyOf(item))) firstOfKey.set(keyOf(item), item);
  }
  const unique = [...firstOfKey.values()];

  const insertedIds = new Set<string>();
  for (let i = 0; i < unique.length; i += ROWS_PER_INSERT) {
    const rows = await trx
      .insertInto("cases")
      .values(unique.slice(i, i + ROWS_PER_INSERT).map(caseRow))
      .onConflict((oc) => oc.columns(["source", "external_id"]).doNothing())
      .returning("id")
      .execute();
    for (const row of rows) insertedIds.add(row.id);
  }

  const created = unique.filter((item) => insertedIds.has(item.id));
  await appendDecisions(trx, created.map(routeEntry));

  const answers = new Map<string, IntakeOutcome>();
  for (const item of created) {
    answers.set(keyOf(item), {
      status: "created",
      case: toCaseRecord(caseRow(item)),
      decision: item.decision,
    });
  }
  const already = unique.filter((item) => !insertedIds.has(item.id));
  if (already.length > 0) {
    for (const outcome of await storedOutcomes(trx, already)) {
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

async function storedOutcomes(
  trx: Transaction<Database>,
  items: readonly IntakeItem[],
): Promise<IntakeOutcome[]> {
  const rows = await trx
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
  const decisions = await decisionsForCases(trx, cases.map((c) => c.id));
  return cases.map((record) => {
    const route = decisions.find((d) => d.case_id === record.id && d.kind === "route");
    if (!route) throw new Error(`case ${record.id} has no route decision in the log`);
    return { status: "existing", case: record, decision: decisionFromLog(route) };
  });
}
