import type { Queryable } from "../db/database.ts";
import { CLOSED_STATES } from "./open311_status.ts";
import type { RequestFilters } from "./request_filters.ts";

/** The most requests one `GET requests` answers (newest first). */
export const MAX_RESULTS = 1_000;

/** What an Open311 answer shows of a case: no reporter, nothing personal. */
export interface StoredServiceRequest {
  id: string;
  type: string;
  title: string;
  description: string;
  state: string;
  owner: string;
  address: string | null;
  address_id: string | null;
  lat: number | null;
  lng: number | null;
  media_url: string | null;
  reported_at: Date;
  updated_at: Date;
  resolve_by: Date;
  /** The latest public note on the case's timeline (`case_events` kind `note`, public). */
  status_note: string | null;
}

/**
 * The cases an Open311 `GET requests` (or `requests/{id}`) asks for, newest `reported_at`
 * first, at most {@link MAX_RESULTS}, each with its latest public note. Selects only what
 * Open311 shows: never the reporter.
 */
export async function findServiceRequests(
  db: Queryable,
  filters: RequestFilters,
): Promise<StoredServiceRequest[]> {
  let query = db
    .selectFrom("cases")
    .select([
      "id",
      "type",
      "title",
      "description",
      "state",
      "owner",
      "address",
      "address_id",
      "lat",
      "lng",
      "media_url",
      "reported_at",
      "updated_at",
      "resolve_by",
    ]);
  if (filters.kind === "ids") {
    query = query.where("id", "in", filters.ids);
  } else {
    query = query
      .where("reported_at", ">=", filters.start)
      .where("reported_at", "<=", filters.end);
    if (filters.serviceCodes.length > 0) query = query.where("type", "in", filters.serviceCodes);
    if (filters.statuses.length === 1) {
      query = query.where("state", filters.statuses[0] === "closed" ? "in" : "not in", [
        ...CLOSED_STATES,
      ]);
    }
  }
  const rows = await query.orderBy("reported_at", "desc").orderBy("id").limit(MAX_RESULTS)
    .execute();
  if (rows.length === 0) return [];
  const notes = await db
    .selectFrom("case_events")
    .select(["case_id", "note"])
    .distinctOn("case_id")
    .where("case_id", "in", rows.map((r) => r.id))
    .where("kind", "=", "note")
    .where("public", "=", true)
    .orderBy("case_id")
    .orderBy("id", "desc")
    .execute();
  const noteOf = new Map(notes.map((n) => [n.case_id, n.note]));
  return rows.map((row) => ({ ...row, status_note: noteOf.get(row.id) ?? null }));
}
