import type { ColumnType } from "kysely";

/** A citizen case, with its current owner and deadlines. */
export interface CaseTable {
  id: string;
  source: string;
  external_id: string;
  type: string;
  title: string;
  description: string;
  area_code: string | null;
  grid_code: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  urgency: "normal" | "urgent";
  channel: string;
  /** Personal data of the citizen (name, phone, email); never in the decision log. */
  reporter: ColumnType<unknown, string | null, string | null>;
  reported_at: Date;
  received_at: Date;
  state: string;
  owner: string;
  priority: "normal" | "urgent";
  ruleset_version: number;
  accept_by: Date;
  resolve_by: Date;
  updated_at: ColumnType<Date, Date, Date>;
}
