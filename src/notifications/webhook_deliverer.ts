/**
 * The background webhook deliverer each instance runs over the shared outbox.
 *
 * @module
 */

import type { Kysely } from "kysely";
import type { Database } from "../db/database.ts";
import type { LifecycleMetrics } from "../observability/lifecycle_metrics.ts";
import type { Logger } from "../observability/logger.ts";
import { deliverWebhooks, type DeliveryOptions, type DeliveryReport } from "./deliver_webhooks.ts";

/** A running deliverer. */
export interface WebhookDeliverer {
  /** One pass now (after any pass running); what it did. */
  deliverOnce(): Promise<DeliveryReport>;
  /** Asks for a pass soon (after a commit that queued notices). */
  kick(): void;
  stop(): Promise<void>;
}

/**
 * Starts delivering: a pass every `intervalMs` (0: no loop, tests call `deliverOnce()`), and
 * soon after `kick()`. Errors are logged once per outage.
 *
 * @example
 * ```ts ignore
 * const deliverer = startWebhookDeliverer({ db, clock, logger }, {
 *   intervalMs: 1_000, batchSize: 50, timeoutMs: 5_000, maxAttempts: 8, backoffMs: 1_000,
 * });
 * await deliverer.stop();
 * ```
 */
export function startWebhookDeliverer(
  deps: { db: Kysely<Database>; clock: () => Date; metrics?: LifecycleMetrics; logger?: Logger },
  options: DeliveryOptions & { intervalMs: number },
): WebhookDeliverer {
  let stopped = false;
  let running: Promise<DeliveryReport> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failing = false;

  const deliverOnce = (): Promise<DeliveryReport> => {
    if (running) return running.then(() => deliverOnce());
    running = deliverWebhooks(deps, options).finally(() => {
      running = null;
    });
    return running;
  };
  const schedule = (ms: number) => {
    if (stopped || options.intervalMs <= 0) return;
    clearTimeout(timer);
    timer = setTimeout(loop, ms);
  };
  const loop = async () => {
    if (stopped) return;
    try {
      const report = await deliverOnce();
      failing = false;
      if (report.attempted === options.batchSize) return schedule(0);
    } catch (error) {
      if (!failing) {
        deps.logger?.warn("webhook delivery pass failed; retrying", {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      failing = true;
    }
    schedule(options.intervalMs);
  };
  schedule(options.intervalMs);
  return {
    deliverOnce,
    kick: () => schedule(10),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
