import type { CaseFacts, Urgency } from "../routing/facts.ts";

/** A case as an upstream system reports it (validated by the HTTP layer). */
export interface NewCase {
  source: string;
  external_id: string;
  type: string;
  title: string;
  description: string;
  location: {
    area_code?: string;
    grid_code?: string;
    address?: string;
    lat?: number;
    lng?: number;
    /** The jurisdiction's own address id (Open311 `address_id`). */
    address_id?: string;
  };
  urgency: Urgency;
  channel: string;
  /** ISO 8601 instant. */
  reported_at: string;
  /** The citizen, when known: personal data, stored with the case, never used for routing. */
  reporter?: Reporter;
  /**
   * Answers to the matter type's attributes (Open311 `attribute[CODE]`), by attribute code;
   * a `multivaluelist` answer is a list of keys. Stored with the case, never used for routing.
   */
  attributes?: Record<string, string | string[]>;
  /** A link to a photo or document about the case (Open311 `media_url`). */
  media_url?: string;
}

/**
 * Who reported a case (personal data): stored with the case, never used for routing, never in
 * the decision log, never in an Open311 answer. The fields besides `name` are Open311's.
 */
export interface Reporter {
  name?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  email?: string;
  /** The reporter's device (Open311 `device_id`). */
  device_id?: string;
  /** The reporter's account in the upstream system (Open311 `account_id`). */
  account_id?: string;
}

/**
 * The routing facts of a reported case.
 *
 * @example
 * ```ts
 * import { caseFacts } from "./new_case.ts";
 * caseFacts({
 *   source: "hotline", external_id: "1", type: "MT-X", title: "停电", description: "整栋楼停电",
 *   location: { area_code: "YG-S01" }, urgency: "normal", channel: "hotline",
 *   reported_at: "2026-11-23T08:00:00Z",
 * }).text; // "停电\n整栋楼停电"
 * ```
 */
export function caseFacts(input: NewCase): CaseFacts {
  return {
    type: input.type,
    area_code: input.location.area_code,
    grid_code: input.location.grid_code,
    urgency: input.urgency,
    channel: input.channel,
    source: input.source,
    text: `${input.title}\n${input.description}`,
    reported_at: input.reported_at,
  };
}
