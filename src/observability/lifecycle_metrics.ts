/** What a webhook delivery attempt came to. */
export type DeliveryOutcome = "delivered" | "failed" | "gave_up";

/**
 * The recorder the case lifecycle calls (warnings before a deadline, escalations past it,
 * webhook deliveries). Call it after the transaction that made the change has committed, once
 * per event, so that several instances never count one event twice.
 *
 * @example
 * ```ts ignore
 * // in the escalation sweeper, after its transaction committed:
 * metrics.warning("YG-MZJ");
 * metrics.escalation("YG-MZJ", "resolve");
 * metrics.webhookDelivery("delivered");
 * ```
 */
export interface LifecycleMetrics {
  /** A warning was raised to `unit` (the owner) because a deadline is near. */
  warning(unit: string): void;
  /** A case of `unit` (the owner it left) was escalated past its `limit`. */
  escalation(unit: string, limit: "accept" | "resolve"): void;
  /** One webhook delivery attempt ended with `outcome`. */
  webhookDelivery(outcome: DeliveryOutcome): void;
}
