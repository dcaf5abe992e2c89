/** @jsxImportSource hono/jsx */
import type { UnitPerformance } from "../../../src/reports/unit_performance.ts";
import { chartDataUrl } from "../../charts/render_chart.ts";
import { beijingDateTime } from "../format.ts";
import type { ViewContext } from "../view_context.ts";
import { ChartImage } from "./chart_image.tsx";
import { type FilterChoices, FilterForm, type FilterValues } from "./filter_form.tsx";
import { KpiCards } from "./kpi_cards.tsx";
import { KpiTable } from "./kpi_table.tsx";
import type { PerfNames } from "./performance_page.tsx";
import { PerfLayout } from "./perf_layout.tsx";

/** Daily received and resolved, and the on-time rate, as two charts. */
export function TrendCharts(props: { ctx: ViewContext; trend: UnitPerformance["trend"] }) {
  const { ctx, trend } = props;
  const days = trend.map((r) => r.code.slice(5));
  return (
    <>
      <ChartImage
        alt={trend.map((r) => `${r.code}: ${r.kpis.assigned}/${r.kpis.resolved}`).join("; ")}
        src={chartDataUrl({
          kind: "line",
          categories: days,
          series: [
            { name: ctx.t("perf_kpi_assigned"), data: trend.map((r) => r.kpis.assigned) },
            { name: ctx.t("perf_kpi_resolved"), data: trend.map((r) => r.kpis.resolved) },
          ],
        })}
      />
      <ChartImage
        alt={ctx.t("perf_kpi_resolved_on_time")}
        height={220}
        src={chartDataUrl({
          kind: "line",
          height: 220,
          percent: true,
          categories: days,
          series: [
            {
              name: ctx.t("perf_kpi_resolved_on_time"),
              data: trend.map((r) => r.kpis.resolvedOnTimeRate),
            },
            {
              name: ctx.t("perf_kpi_accepted_on_time"),
              data: trend.map((r) => r.kpis.acceptedOnTimeRate),
            },
          ],
        })}
      />
    </>
  );
}

/** A unit's page: KPIs, daily trend, its matter types, its overdue cases. */
export function UnitPerformancePage(
  props: {
    ctx: ViewContext;
    view: UnitPerformance;
    values: FilterValues;
    choices: FilterChoices;
    names: PerfNames;
    from: string;
    to: string;
  },
) {
  const { ctx, view, names } = props;
  const q = names.query;
  return (
    <PerfLayout ctx={ctx} title={ctx.t("perf_unit_title", { name: names.unit(view.code) })}>
      <h1>{ctx.t("perf_unit_title", { name: names.unit(view.code) })}</h1>
      <FilterForm
        ctx={ctx}
        action={`/admin/performance/units/${encodeURIComponent(view.code)}`}
        values={props.values}
        choices={props.choices}
      />
      <p>{ctx.t("perf_period", { from: props.from, to: props.to })}</p>
      <KpiCards ctx={ctx} kpis={view.kpis} />
      <h2>{ctx.t("perf_trend")}</h2>
      <TrendCharts ctx={ctx} trend={view.trend} />
      <h2>{ctx.t("perf_its_types")}</h2>
      <KpiTable
        ctx={ctx}
        id="types"
        rows={view.types}
        keyLabel={ctx.t("perf_type")}
        name={names.type}
        href={(code) => `/admin/performance/types/${encodeURIComponent(code)}${q ? `?${q}` : ""}`}
      />
      <h2>{ctx.t("perf_overdue_cases")}</h2>
      {view.overdue.length === 0
        ? <p class="muted">{ctx.t("perf_no_overdue")}</p>
        : (
          <table class="plain" id="overdue">
            <thead>
              <tr>
                <th scope="col">{ctx.t("col_id")}</th>
                <th scope="col">{ctx.t("perf_col_title")}</th>
                <th scope="col">{ctx.t("perf_type")}</th>
                <th scope="col">{ctx.t("perf_unit")}</th>
                <th scope="col">{ctx.t("perf_col_state")}</th>
                <th scope="col">{ctx.t("perf_col_deadline")}</th>
              </tr>
            </thead>
            <tbody>
              {view.overdue.map((c) => (
                <tr>
                  <td class="code">{c.id.slice(0, 8)}</td>
                  <td>{c.title}</td>
                  <td>{names.type(c.type)}</td>
                  <td>{names.unit(c.owner)}</td>
                  <td>{c.state}</td>
                  <td>{beijingDateTime(c.resolve_by)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </PerfLayout>
  );
}
