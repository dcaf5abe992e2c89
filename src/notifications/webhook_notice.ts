/**
 * What a unit's webhook receives: a JSON notice that a case was assigned to it, escalated to it
 * or reopened for it.
 *
 * @module
 */

/** Why a unit is notified. */
export type NoticeEvent = "assigned" | "escalated" | "reopened";

/** The body POSTed to a unit's `webhook_url`. */
export interface WebhookNotice {
  /** `assigned`, `escalated` or `reopened`. */
  event: NoticeEvent;
  /** The unit notified, and its part: `lead` (主办) or `assist` (协办). */
  unit: string;
  role: "lead" | "assist";
  case: {
    id: string;
    type: string;
    title: string;
    state: string;
    owner: string;
    priority: string;
    /** The unit's own deadlines on the case. */
    accept_by: string;
    resolve_by: string;
  };
  /** When the change happened (ISO 8601). */
  at: string;
}

/** A notice to queue: for a unit, with the URL its ruleset entry names. */
export interface OutgoingNotice {
  case_id: string;
  unit: string;
  url: string;
  event: NoticeEvent;
  payload: WebhookNotice;
  created_at: Date;
}
