import type { Queryable } from "../db/database.ts";
import { jsonb } from "../db/jsonb.ts";
import type { OutgoingNotice } from "./webhook_notice.ts";

/**
 * Writes notices to the webhook outbox, in the caller's transaction: they are delivered if and
 * only if the change they report commits (at least once, by `deliverWebhooks`).
 */
export async function enqueueNotices(
  db: Queryable,
  notices: readonly OutgoingNotice[],
): Promise<void> {
  for (let i = 0; i < notices.length; i += 1000) {
    await db.insertInto("webhook_outbox").values(
      notices.slice(i, i + 1000).map((n) => ({
        case_id: n.case_id,
        unit: n.unit,
        url: n.url,
        event: n.event,
        payload: jsonb(n.payload),
        created_at: n.created_at,
        next_attempt_at: n.created_at,
      })),
    ).execute();
  }
}
