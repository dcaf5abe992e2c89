import type { Selectable } from "kysely";
import type { CaseTable } from "../db/tables/case_table.ts";
import type { Deadlines } from "../routing/decision.ts";
import type { Urgency } from "../routing/facts.ts";

/** Where a case happened. */
export interface CaseLocation {
  area_code: string | null;
  grid_code: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
}

/** A case as the API shows it. */
export interface CaseRecord {
  id: string;
  source: string;
  external_id: string;
  type: string;
  title: string;
  description: string;
  location: CaseLocation;
  urgency: Urgency;
  channel: string;
  reported_at: string;
  received_at: string;
  state: string;
  owner: string;
  priority: Urgency;
  ruleset_version: number;
  deadlines: Deadlines;
  updated_at: string;
}

/** The columns a {@link CaseRecord} is made of. */
export type CaseRecordRow = Pick<
  Selectable<CaseTable>,
  | "id"
  | "source"
  | "external_id"
  | "type"
  | "title"
  | "description"
  | "area_code"
  | "grid_code"
  | "address"
  | "lat"
  | "lng"
  | "urgency"
  | "channel"
  | "reported_at"
  | "received_at"
  | "state"
  | "owner"
  | "priority"
  | "ruleset_version"
  | "accept_by"
  | "resolve_by"
  | "updated_at"
>;

/** Maps a `cases` row to a {@link CaseRecord}. */
export function toCaseRecord(row: CaseRecordRow): CaseRecord {
  return {
    id: row.id,
    source: row.source,
    external_id: row.external_id,
    type: row.type,
    title: row.title,
    description: row.description,
    location: {
      area_code: row.area_code,
      grid_code: row.grid_code,
      address: row.address,
      lat: row.lat,
      lng: row.lng,
    },
    urgency: row.urgency,
    channel: row.channel,
    reported_at: row.reported_at.toISOString(),
    received_at: row.received_at.toISOString(),
    state: row.state,
    owner: row.owner,
    priority: row.priority,
    ruleset_version: row.ruleset_version,
    deadlines: {
      accept_by: row.accept_by.toISOString(),
      resolve_by: row.resolve_by.toISOString(),
    },
    updated_at: row.updated_at.toISOString(),
  };
}
