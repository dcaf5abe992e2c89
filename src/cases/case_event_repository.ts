/**
 * The case timeline (`case_events`, 全程留痕): every transition, note, warning and webhook
 * delivery attempt of a case, in order.
 *
 * @module
 */

import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import { insertRecords } from "../db/insert_records.ts";
import type { RecordSet } from "../db/record_set.ts";
import type { CaseEventTable } from "../db/tables/case_event_table.ts";

/** One timeline entry about to be written. */
export interface NewCaseEvent {
  case_id: string;
  at: Date;
  /** e.g. `assigned`, `accepted`, `returned`, `note`, `warning`, `escalated`, `webhook_delivery`. */
  kind: string;
  actor: string;
  unit?: string | null;
  note?: string | null;
  /** True for what a citizen may see (Open311 status notes). */
  public?: boolean;
  data?: Record<string, unknown>;
}

/** Timeline entries as a record set (ids follow the order given when inserted). */
export function caseEventRecords(events: readonly NewCaseEvent[]): RecordSet {
  return {
    table: "case_events",
    columns: {
      case_id: "uuid",
      at: "timestamptz",
      kind: "text",
      actor: "text",
      unit: "text",
      note: "text",
      public: "boolean",
      data: "jsonb",
    },
    rows: events.map((e) => ({
      case_id: e.case_id,
      at: e.at,
      kind: e.kind,
      actor: e.actor,
      unit: e.unit ?? null,
      note: e.note ?? null,
      public: e.public ?? false,
      data: e.data ?? {},
    })),
  };
}

/**
 * Appends timeline entries in one statement per 5,000 (ids follow the order given; see
 * `insertRecords`).
 */
export async function appendCaseEvents(db: Queryable, events: readonly NewCaseEvent[]) {
  await insertRecords(db, caseEventRecords(events));
}

/** The timeline of a case, oldest first. */
export async function caseEvents(
  db: Queryable,
  caseId: string,
): Promise<Selectable<CaseEventTable>[]> {
  return await db.selectFrom("case_events").selectAll().where("case_id", "=", caseId)
    .orderBy("id").execute();
}
