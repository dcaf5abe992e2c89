/**
 * One delivery pass over the webhook outbox: claim due notices, POST them, record each attempt
 * on the notice and on the case's timeline.
 *
 * @module
 */

import { type Kysely, sql } from "kysely";
import { appendCaseEvents, type NewCaseEvent } from "../cases/case_event_repository.ts";
import type { Database } from "../db/database.ts";
import type { LifecycleMetrics } from "../observability/lifecycle_metrics.ts";

/** How deliveries are tried. */
export interface DeliveryOptions {
  /** Most notices per pass. */
  batchSize: number;
  /** Per request (ms); a claimed notice is leased for this long plus a margin. */
  timeoutMs: number;
  /** Attempts before giving up. */
  maxAttempts: number;
  /** First retry after this (ms), doubling each time, at most an hour. */
  backoffMs: number;
}

/** What a pass did. */
export interface DeliveryReport {
  attempted: number;
  delivered: number;
  failed: number;
  gaveUp: number;
}

interface Claimed {
  id: number;
  case_id: string;
  unit: string;
  url: string;
  event: string;
  payload: unknown;
  attempts: number;
}

const MAX_BACKOFF_MS = 3_600_000;

/** The wait before the retry that follows attempt `attempt` (1-based). */
export function retryDelay(backoffMs: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Claims up to `batchSize` notices due at `clock()` (leasing them with `FOR UPDATE SKIP LOCKED`,
 * so instances never send one notice at once), POSTs each as JSON, and records the outcome: a
 * 2xx answer delivers it; anything else (an error status, a refused connection, a timeout)
 * schedules a retry with exponential backoff, until `maxAttempts`. At least once: a notice is
 * marked delivered only after its 2xx, so a crash in between sends it again. Every attempt is a
 * `webhook_delivery` entry on the case's timeline.
 *
 * @example
 * ```ts ignore
 * const report = await deliverWebhooks({ db, clock: () => new Date() }, {
 *   batchSize: 50, timeoutMs: 5_000, maxAttempts: 8, backoffMs: 1_000,
 * });
 * ```
 */
export async function deliverWebhooks(
  deps: {
    db: Kysely<Database>;
    clock: () => Date;
    metrics?: LifecycleMetrics;
    fetch?: typeof fetch;
  },
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const { db } = deps;
  const doFetch = deps.fetch ?? fetch;
  const now = deps.clock();
  const lease = new Date(now.getTime() + options.timeoutMs + 30_000);
  const claimed = (await sql<Claimed>`
    update webhook_outbox set next_attempt_at = ${lease}, attempts = attempts + 1
    where id in (
      select id from webhook_outbox
      where delivered_at is null and gave_up_at is null and next_attempt_at <= ${now}
      order by next_attempt_at
      limit ${options.batchSize}
      for update skip locked)
    returning id, case_id, unit, url, event, payload, attempts`.execute(db)).rows;
  const report: DeliveryReport = { attempted: claimed.length, delivered: 0, failed: 0, gaveUp: 0 };
  if (claimed.length === 0) return report;

  const results = await Promise.all(claimed.map(async (notice) => {
    const started = performance.now();
    try {
      const response = await doFetch(notice.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-whistle-event": notice.event,
          "x-whistle-delivery": String(notice.id),
          "x-whistle-attempt": String(notice.attempts),
        },
        body: JSON.stringify(notice.payload),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.body?.cancel();
      return {
        notice,
        ok: response.ok,
        status: response.status,
        error: response.ok ? null : `HTTP ${response.status}`,
        ms: Math.round(performance.now() - started),
      };
    } catch (error) {
      return {
        notice,
        ok: false,
        status: null,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        ms: Math.round(performance.now() - started),
      };
    }
  }));

  const at = deps.clock();
  const events: NewCaseEvent[] = [];
  for (const { notice, ok, status, error, ms } of results) {
    const attempt = Number(notice.attempts);
    let outcome: "delivered" | "failed" | "gave_up";
    let next: Date | null = null;
    if (ok) {
      outcome = "delivered";
      await db.updateTable("webhook_outbox").set({ delivered_at: at, last_error: null })
        .where("id", "=", Number(notice.id)).execute();
    } else if (attempt >= options.maxAttempts) {
      outcome = "gave_up";
      await db.updateTable("webhook_outbox").set({ gave_up_at: at, last_error: error })
        .where("id", "=", Number(notice.id)).execute();
    } else {
      outcome = "failed";
      next = new Date(at.getTime() + retryDelay(options.backoffMs, attempt));
      await db.updateTable("webhook_outbox").set({ next_attempt_at: next, last_error: error })
        .where("id", "=", Number(notice.id)).execute();
    }
    report[outcome === "delivered" ? "delivered" : outcome === "failed" ? "failed" : "gaveUp"]++;
    deps.metrics?.webhookDelivery(outcome);
    events.push({
      case_id: notice.case_id,
      at,
      kind: "webhook_delivery",
      actor: "system:webhooks",
      unit: notice.unit,
      data: {
        delivery_id: Number(notice.id),
        event: notice.event,
        url: notice.url,
        attempt,
        outcome,
        status,
        error,
        ms,
        next_attempt_at: next?.toISOString() ?? null,
      },
    });
  }
  await appendCaseEvents(db, events);
  return report;
}
