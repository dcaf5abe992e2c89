import type { Selectable } from "kysely";
import type { CaseTable } from "../db/tables/case_table.ts";
import type { CaseFacts } from "../routing/facts.ts";

/** The routing facts of a stored case: the same facts intake routed it with. */
export function caseFactsOf(row: Selectable<CaseTable>): CaseFacts {
  return {
    type: row.type,
    ...(row.area_code !== null ? { area_code: row.area_code } : {}),
    ...(row.grid_code !== null ? { grid_code: row.grid_code } : {}),
    urgency: row.urgency,
    channel: row.channel,
    source: row.source,
    text: `${row.title}\n${row.description}`,
    reported_at: row.reported_at.toISOString(),
  };
}
