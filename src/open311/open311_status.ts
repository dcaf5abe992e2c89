/** Open311's two statuses. */
export type Open311Status = "open" | "closed";

/** Whistle case states that Open311 reports as `closed`; every other state is `open`. */
export const CLOSED_STATES: readonly string[] = ["resolved", "closed"];

/**
 * The Open311 status of a case state: `resolved` (办结) and `closed` are closed, everything
 * else (`assigned`, `accepted`, `suspended`, ...) is open.
 *
 * @example
 * ```ts
 * import { open311Status } from "./open311_status.ts";
 * open311Status("accepted"); // "open"
 * open311Status("resolved"); // "closed"
 * ```
 */
export function open311Status(state: string): Open311Status {
  return CLOSED_STATES.includes(state) ? "closed" : "open";
}
