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
  };
  urgency: Urgency;
  channel: string;
  /** ISO 8601 instant. */
  reported_at: string;
  /** The citizen, when known: personal data, stored with the case, never used for routing. */
  reporter?: Reporter;
}

/** Who reported a case (personal data). */
export interface Reporter {
  name?: string;
  phone?: string;
  email?: string;
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
