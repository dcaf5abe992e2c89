import { Open311Error } from "./open311_error.ts";
import { type Open311Params, param } from "./open311_params.ts";
import type { Open311Status } from "./open311_status.ts";

/** What `GET requests` asks for. */
export type RequestFilters =
  | { kind: "ids"; ids: string[] }
  | {
    kind: "search";
    serviceCodes: string[];
    statuses: Open311Status[];
    /** `requested_datetime` (the case's `reported_at`) from, inclusive. */
    start: Date;
    /** `requested_datetime` until, inclusive. */
    end: Date;
  };

/** The widest date window one search may span (GeoReport v2: 90 days). */
export const MAX_WINDOW_DAYS = 90;
/** Most ids one `service_request_id` list may name. */
export const MAX_IDS = 200;
const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Is `text` a case id (a UUID)? */
export function isCaseId(text: string): boolean {
  return UUID.test(text);
}

function list(params: Open311Params, name: string): string[] {
  return (params.get(name) ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function date(params: Open311Params, name: string, problems: string[]): Date | undefined {
  const text = param(params, name);
  if (text === undefined) return undefined;
  if (!W3C_DATETIME.test(text) || Number.isNaN(Date.parse(text))) {
    problems.push(
      `${name} must be a W3C datetime such as 2026-11-23T00:00:00+08:00, got ${
        JSON.stringify(text)
      }`,
    );
    return undefined;
  }
  return new Date(text);
}

/**
 * Reads the filters of GeoReport v2's `GET requests`. `service_request_id` (a comma list)
 * overrides every other filter, as the specification says. Otherwise `service_code` and
 * `status` (`open`/`closed`) are comma lists, and the window defaults to the last 90 days:
 * only `start_date` means the 90 days after it, only `end_date` the 90 days before it. A window
 * wider than 90 days, an end before the start, a bad date, id or status is an
 * {@link Open311Error} (400) naming the parameter.
 *
 * @example
 * ```ts
 * import { requestFilters } from "./request_filters.ts";
 * const now = new Date("2026-11-23T00:00:00Z");
 * const f = requestFilters(new Map([["status", ["open"]]]), now);
 * if (f.kind !== "search" || f.start.toISOString() !== "2026-08-25T00:00:00.000Z") throw new Error();
 * ```
 */
export function requestFilters(params: Open311Params, now: Date): RequestFilters {
  const problems: string[] = [];
  const ids = list(params, "service_request_id");
  if (ids.length > 0) {
    const bad = ids.filter((id) => !isCaseId(id));
    if (bad.length > 0) {
      problems.push(`service_request_id ${bad.slice(0, 5).join(", ")} is not a service request id`);
    }
    if (ids.length > MAX_IDS) problems.push(`service_request_id names more than ${MAX_IDS} ids`);
    if (problems.length > 0) throw new Open311Error(400, problems);
    return { kind: "ids", ids: [...new Set(ids.map((id) => id.toLowerCase()))] };
  }

  const statuses = list(params, "status");
  const badStatus = statuses.filter((s) => s !== "open" && s !== "closed");
  if (badStatus.length > 0) {
    problems.push(`status must be open or closed (comma-separated), got ${badStatus.join(", ")}`);
  }
  const startGiven = date(params, "start_date", problems);
  const endGiven = date(params, "end_date", problems);
  const window = MAX_WINDOW_DAYS * DAY_MS;
  const end = endGiven ?? (startGiven ? new Date(startGiven.getTime() + window) : now);
  const start = startGiven ?? new Date(end.getTime() - window);
  if (startGiven && endGiven) {
    if (end < start) problems.push("end_date is before start_date");
    else if (end.getTime() - start.getTime() > window) {
      problems.push(`start_date and end_date may be at most ${MAX_WINDOW_DAYS} days apart`);
    }
  }
  if (problems.length > 0) throw new Open311Error(400, problems);
  return {
    kind: "search",
    serviceCodes: [...new Set(list(params, "service_code"))],
    statuses: [...new Set(statuses)] as Open311Status[],
    start,
    end,
  };
}
