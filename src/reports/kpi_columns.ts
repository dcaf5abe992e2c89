import type { Kpis } from "./derive_kpis.ts";

/** A sortable column of the ranked tables and the CSV reports. */
export interface KpiColumn {
  key: string;
  kind: "count" | "rate" | "minutes";
  value: (k: Kpis) => number | null;
}

/** The columns, in table order. */
export const KPI_COLUMNS: readonly KpiColumn[] = [
  { key: "received", kind: "count", value: (k) => k.received },
  { key: "assigned", kind: "count", value: (k) => k.assigned },
  { key: "accepted_on_time", kind: "rate", value: (k) => k.acceptedOnTimeRate },
  { key: "resolved", kind: "count", value: (k) => k.resolved },
  { key: "resolved_on_time", kind: "rate", value: (k) => k.resolvedOnTimeRate },
  { key: "overdue_now", kind: "count", value: (k) => k.overdueNow },
  { key: "escalations", kind: "count", value: (k) => k.escalations },
  { key: "returns", kind: "count", value: (k) => k.returns },
  { key: "return_rate", kind: "rate", value: (k) => k.returnRate },
  { key: "accept_p50", kind: "minutes", value: (k) => k.acceptP50 },
  { key: "accept_p90", kind: "minutes", value: (k) => k.acceptP90 },
  { key: "resolve_p50", kind: "minutes", value: (k) => k.resolveP50 },
  { key: "resolve_p90", kind: "minutes", value: (k) => k.resolveP90 },
  { key: "satisfaction", kind: "rate", value: (k) => k.satisfactionRate },
  { key: "reopened", kind: "count", value: (k) => k.reopened },
  { key: "assist_assigned", kind: "count", value: (k) => k.assist.assigned },
  { key: "assist_accepted_on_time", kind: "rate", value: (k) => k.assist.acceptedOnTimeRate },
  { key: "assist_submitted_on_time", kind: "rate", value: (k) => k.assist.submittedOnTimeRate },
  { key: "extensions_granted", kind: "count", value: (k) => k.extensions.granted },
  { key: "extended_on_time", kind: "rate", value: (k) => k.extensions.onTimeExtendedRate },
  { key: "extended_on_time_original", kind: "rate", value: (k) => k.extensions.onTimeOriginalRate },
];

/**
 * Sorts rows by a column (nulls last whatever the direction, then by code); an unknown key
 * sorts by resolved-on-time, best first.
 *
 * @example
 * ```ts
 * import { sortRows } from "./kpi_columns.ts";
 * import { deriveKpis } from "./derive_kpis.ts";
 * const rows = [{ code: "B", kpis: deriveKpis({}) }, { code: "A", kpis: deriveKpis({}) }];
 * sortRows(rows, "received", "desc").map((r) => r.code); // ["A", "B"]
 * ```
 */
export function sortRows<T extends { code: string; kpis: Kpis }>(
  rows: readonly T[],
  key: string,
  dir: "asc" | "desc",
): T[] {
  const column = KPI_COLUMNS.find((c) => c.key === key) ??
    KPI_COLUMNS.find((c) => c.key === "resolved_on_time")!;
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = column.value(a.kpis);
    const y = column.value(b.kpis);
    if (x === null && y === null) return a.code.localeCompare(b.code);
    if (x === null) return 1;
    if (y === null) return -1;
    return (x - y) * sign || a.code.localeCompare(b.code);
  });
}
