import type { Queryable } from "../db/database.ts";
import { insertRecords } from "../db/insert_records.ts";
import type { RecordSet } from "../db/record_set.ts";
import type { OutgoingNotice } from "./webhook_notice.ts";

/** Notices as webhook-outbox rows (for `insertRecords` or a larger statement). */
export function noticeRecords(notices: readonly OutgoingNotice[]): RecordSet {
  return {
    table: "webhook_outbox",
    columns: {
      case_id: "uuid",
      unit: "text",
      url: "text",
      event: "text",
      payload: "jsonb",
      created_at: "timestamptz",
      next_attempt_at: "timestamptz",
    },
    rows: notices.map((n) => ({
      case_id: n.case_id,
      unit: n.unit,
      url: n.url,
      event: n.event,
      payload: n.payload,
      created_at: n.created_at,
      next_attempt_at: n.created_at,
    })),
  };
}

/**
 * Writes notices to the webhook outbox, in the caller's transaction: they are delivered if and
 * only if the change they report commits (at least once, by `deliverWebhooks`).
 */
export async function enqueueNotices(
  db: Queryable,
  notices: readonly OutgoingNotice[],
): Promise<void> {
  await insertRecords(db, noticeRecords(notices));
}
