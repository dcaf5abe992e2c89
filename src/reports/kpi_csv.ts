import type { KpiRow } from "./performance_overview.ts";
import { KPI_COLUMNS } from "./kpi_columns.ts";

function field(value: string): string {
  // A leading = + - @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Rows of KPIs as CSV (RFC 4180, CRLF, UTF-8 with a BOM for spreadsheet programs): `code`,
 * `name`, then every KPI column; rates as fractions with four decimals, times in minutes
 * (histogram bucket edges), empty when there is nothing to measure.
 *
 * @example
 * ```ts
 * import { kpiCsv } from "./kpi_csv.ts";
 * import { deriveKpis } from "./derive_kpis.ts";
 * const csv = kpiCsv([{ code: "YG", kpis: deriveKpis({}) }], () => "云冈区");
 * csv.split("\r\n")[1].startsWith("YG,云冈区,0,0,"); // true
 * ```
 */
export function kpiCsv(rows: readonly KpiRow[], name: (code: string) => string): string {
  const header = ["code", "name", ...KPI_COLUMNS.map((c) => c.key)];
  const lines = [header.join(",")];
  for (const row of rows) {
    const cells = KPI_COLUMNS.map((c) => {
      const v = c.value(row.kpis);
      if (v === null) return "";
      if (!Number.isFinite(v)) return "inf";
      return c.kind === "rate" ? v.toFixed(4) : String(v);
    });
    lines.push([field(row.code), field(name(row.code)), ...cells].join(","));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
