import type { CompiledRuleset } from "../routing/compile_ruleset.ts";
import type { StoredServiceRequest } from "./find_service_requests.ts";
import type { Locale } from "./locale.ts";
import { type Open311Status, open311Status } from "./open311_status.ts";
import { serviceNotice } from "./service_notice.ts";
import { w3cDatetime } from "./w3c_datetime.ts";

/** One request of GeoReport v2's `GET requests`, field for field. */
export interface Open311ServiceRequest {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/**
 * A stored case as an Open311 service request, with names from the active ruleset in `locale`
 * (the code itself when the active ruleset no longer has the matter type or unit):
 * `agency_responsible` is the owning unit, `expected_datetime` the resolution deadline,
 * `status_notes` the latest public note.
 */
export function toServiceRequest(
  row: StoredServiceRequest,
  ruleset: CompiledRuleset,
  locale: Locale,
): Open311ServiceRequest {
  const matter = ruleset.matterTypes.get(row.type);
  const unit = ruleset.units.get(row.owner);
  const agency = unit ? (locale === "zh" ? unit.name_zh : unit.name_en) : row.owner;
  return {
    service_request_id: row.id,
    status: open311Status(row.state),
    status_notes: row.status_note,
    service_name: matter ? (locale === "zh" ? matter.name_zh : matter.name_en) : row.type,
    service_code: row.type,
    description: row.description || row.title,
    agency_responsible: agency,
    service_notice: serviceNotice(agency, row.resolve_by, locale),
    requested_datetime: w3cDatetime(row.reported_at),
    updated_datetime: w3cDatetime(row.updated_at),
    expected_datetime: w3cDatetime(row.resolve_by),
    address: row.address,
    address_id: row.address_id,
    zipcode: null,
    lat: row.lat,
    long: row.lng,
    media_url: row.media_url,
  };
}
