/** @jsxImportSource hono/jsx */
import type { PerformanceOverview } from "../../../src/reports/performance_overview.ts";
import { chartDataUrl } from "../../charts/render_chart.ts";
import { beijingDateTime } from "../format.ts";
import type { ViewContext } from "../view_context.ts";
import { ChartImage } from "./chart_image.tsx";
import { KpiCards } from "./kpi_cards.tsx";
import { KpiTable } from "./kpi_table.tsx";
import { PerfLayout } from "./perf_layout.tsx";
import { type PerfNames, RulesTable } from "./performance_page.tsx";

/** A daily or monthly report, laid out for printing (the print stylesheet hides the chrome). */
export function ReportPage(
  props: {
    ctx: ViewContext;
    view: PerformanceOverview;
    period: "day" | "month";
    date: string;
    names: PerfNames;
    generatedAt: Date;
    csvHref: string;
  },
) {
  const { ctx, view, names } = props;
  const title = ctx.t(
    props.period === "day" ? "perf_report_title_day" : "perf_report_title_month",
    {
      date: props.date,
    },
  );
  return (
    <PerfLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        {ctx.t("perf_period", { from: view.filter.from, to: view.filter.to })}{" "}
        {ctx.t("perf_generated", { when: beijingDateTime(props.generatedAt) })}
      </p>
      <p class="row no-print">
        <a class="button" href={props.csvHref}>{ctx.t("perf_download_csv")}</a>
        <span class="muted">{ctx.t("perf_print")}</span>
      </p>
      <KpiCards ctx={ctx} kpis={view.total} />
      <h2>{ctx.t("perf_units_ranked")}</h2>
      <KpiTable
        ctx={ctx}
        id="units"
        rows={view.units}
        keyLabel={ctx.t("perf_unit")}
        name={names.unit}
      />
      <h2>{ctx.t("perf_top_types")}</h2>
      {view.topTypes.length > 0 && (
        <ChartImage
          alt={view.topTypes.map((r) => `${names.type(r.code)} ${r.kpis.received}`).join("; ")}
          src={chartDataUrl({
            kind: "bar",
            categories: view.topTypes.map((r) => names.type(r.code)),
            series: [{
              name: ctx.t("perf_kpi_received"),
              data: view.topTypes.map((r) => r.kpis.received),
            }],
          })}
        />
      )}
      <KpiTable
        ctx={ctx}
        id="top-types"
        rows={view.topTypes}
        keyLabel={ctx.t("perf_type")}
        name={names.type}
      />
      <h2>{ctx.t("perf_category_trend")}</h2>
      <ChartImage
        alt={ctx.t("perf_category_trend")}
        src={chartDataUrl({
          kind: "line",
          categories: view.categoryTrend.months,
          series: [...view.categoryTrend.byCategory].map(([name, data]) => ({ name, data })),
        })}
      />
      <h2>{ctx.t("perf_rules")}</h2>
      <RulesTable ctx={ctx} view={view} />
    </PerfLayout>
  );
}
