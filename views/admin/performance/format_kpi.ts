import type { KpiColumn } from "../../../src/reports/kpi_columns.ts";
import type { ViewContext } from "../view_context.ts";

/**
 * A rate as a percentage with one decimal (`—` when there was nothing to measure).
 *
 * @example
 * ```ts
 * import { percent } from "./format_kpi.ts";
 * percent(0.8765); // "87.7%"
 * percent(null); // "—"
 * ```
 */
export function percent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

/** Minutes in words of the page's language (from a histogram bucket edge). */
export function minutesText(ctx: ViewContext, minutes: number | null): string {
  if (minutes === null) return "—";
  if (!Number.isFinite(minutes)) return ctx.t("perf_more_than_30d");
  if (minutes < 120) return ctx.t("perf_minutes", { n: minutes });
  if (minutes < 2880) return ctx.t("perf_hours", { n: +(minutes / 60).toFixed(1) });
  return ctx.t("perf_days", { n: +(minutes / 1440).toFixed(1) });
}

/** A KPI cell. */
export function cellText(ctx: ViewContext, column: KpiColumn, value: number | null): string {
  if (column.kind === "rate") return percent(value);
  if (column.kind === "minutes") return minutesText(ctx, value);
  return value === null ? "—" : String(value);
}
