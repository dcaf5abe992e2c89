import type { Kysely } from "kysely";
import { sql } from "kysely";
import { appendDecisions } from "../../src/audit/append_decisions.ts";
import type { DecisionEntry, LoggedDecision } from "../../src/audit/decision_entry.ts";
import type { Database } from "../../src/db/database.ts";

let counter = 0;

/** A route entry with plausible content; override any field. */
export function logEntry(overrides: Partial<DecisionEntry> = {}): DecisionEntry {
  counter += 1;
  return {
    case_id: crypto.randomUUID(),
    kind: "route",
    ruleset_version: 1,
    ruleset_hash: "f".repeat(64),
    matched_rules: [],
    facts: {
      type: "MT-MZJ-005",
      area_code: "YG-S01-C01",
      urgency: "normal",
      channel: "hotline",
      source: "hotline-12345",
      text: `独居老人无人照看 ${counter}`,
      reported_at: "2026-11-23T01:00:00.000Z",
    },
    outcome: {
      owner: "YG-MZJ",
      list_owner: "YG-MZJ",
      fallback: false,
      priority: "normal",
      deadlines: { accept_by: "2026-11-23T03:00:00.000Z", resolve_by: "2026-11-25T01:00:00.000Z" },
    },
    reason: { zh: "事项准入清单：由民政局承办。", en: "Admission list: owned by Civil Affairs." },
    actor: "token:hotline-12345",
    request_id: crypto.randomUUID(),
    created_at: new Date(Date.UTC(2026, 10, 23, 1, 0, counter % 60)),
    ...overrides,
  };
}

/** Appends entries, in order, in one transaction. */
export async function appendEntries(
  db: Kysely<Database>,
  entries: readonly DecisionEntry[],
): Promise<LoggedDecision[]> {
  return await db.transaction().execute((trx) => appendDecisions(trx, entries));
}

/**
 * Tampers with the log as its owner could: switches the append-only trigger off, runs `change`,
 * switches it on again.
 */
export async function tamper(
  db: Kysely<Database>,
  change: (trx: Kysely<Database>) => Promise<unknown>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`alter table decision_log disable trigger decision_log_append_only`.execute(trx);
    await change(trx);
    await sql`alter table decision_log enable trigger decision_log_append_only`.execute(trx);
  });
}
