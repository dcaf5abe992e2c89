/** @jsxImportSource hono/jsx */
import type { PerformanceOverview } from "../../../src/reports/performance_overview.ts";
import { chartDataUrl } from "../../charts/render_chart.ts";
import type { ViewContext } from "../view_context.ts";
import { ChartImage } from "./chart_image.tsx";
import { type FilterChoices, FilterForm, type FilterValues } from "./filter_form.tsx";
import { KpiCards } from "./kpi_cards.tsx";
import { KpiTable } from "./kpi_table.tsx";
import { PerfLayout } from "./perf_layout.tsx";

/** Names and links the performance pages need. */
export interface PerfNames {
  unit: (code: string) => string;
  type: (code: string) => string;
  /** The query string of the current filters (without sort), for links. */
  query: string;
}

/** The performance overview: filters, headline KPIs, ranked units, top-10 types, trends, rules. */
export function PerformancePage(
  props: {
    ctx: ViewContext;
    view: PerformanceOverview;
    values: FilterValues;
    choices: FilterChoices;
    sort: { key: string; dir: "asc" | "desc" };
    names: PerfNames;
  },
) {
  const { ctx, view, names } = props;
  const q = names.query;
  const trend = view.categoryTrend;
  return (
    <PerfLayout ctx={ctx} title={ctx.t("perf_title")}>
      <h1>{ctx.t("perf_title")}</h1>
      <FilterForm
        ctx={ctx}
        action="/admin/performance"
        values={props.values}
        choices={props.choices}
      />
      <p>{ctx.t("perf_period", { from: view.filter.from, to: view.filter.to })}</p>
      <p class="row no-print">
        <a class="button" href={`/admin/performance/report?period=day&date=${view.filter.to}`}>
          {ctx.t("perf_daily_report")}
        </a>
        <a
          class="button"
          href={`/admin/performance/report?period=month&date=${view.filter.to.slice(0, 7)}`}
        >
          {ctx.t("perf_monthly_report")}
        </a>
      </p>
      <KpiCards ctx={ctx} kpis={view.total} />

      <h2>{ctx.t("perf_units_ranked")}</h2>
      <p class="perf-note no-print">{ctx.t("perf_sort_hint")}</p>
      {view.units.length === 0 ? <p class="muted">{ctx.t("perf_no_data")}</p> : (
        <KpiTable
          ctx={ctx}
          id="units"
          rows={view.units}
          keyLabel={ctx.t("perf_unit")}
          name={names.unit}
          href={(code) => `/admin/performance/units/${encodeURIComponent(code)}${q ? `?${q}` : ""}`}
          sort={props.sort}
          sortHref={(key, dir) =>
            `/admin/performance?${q ? `${q}&` : ""}sort=${key}&dir=${dir}#units`}
        />
      )}

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
        href={(code) => `/admin/performance/types/${encodeURIComponent(code)}${q ? `?${q}` : ""}`}
      />

      <h2>{ctx.t("perf_category_trend")}</h2>
      <ChartImage
        alt={[...trend.byCategory].map(([c, v]) => `${c}: ${v.join(", ")}`).join("; ")}
        src={chartDataUrl({
          kind: "line",
          categories: trend.months,
          series: [...trend.byCategory].map(([name, data]) => ({ name, data })),
        })}
      />

      <h2>{ctx.t("perf_rules")}</h2>
      <RulesTable ctx={ctx} view={view} />
    </PerfLayout>
  );
}

/** Rules fired in the period, and those that never fired. */
export function RulesTable(props: { ctx: ViewContext; view: Pick<PerformanceOverview, "rules"> }) {
  const { ctx, view } = props;
  return (
    <>
      <table class="plain" id="rules">
        <thead>
          <tr>
            <th scope="col">{ctx.t("perf_col_name")}</th>
            <th scope="col">{ctx.t("perf_col_count")}</th>
          </tr>
        </thead>
        <tbody>
          {view.rules.fired.map((r) => (
            <tr data-rule={r.rule}>
              <td class="code">{r.rule}</td>
              <td class="num">{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{ctx.t("perf_rules_never")}</h3>
      {view.rules.neverFired.length === 0
        ? <p class="muted">{ctx.t("none")}</p>
        : (
          <ul id="rules-never">
            {view.rules.neverFired.map((name) => <li key={name} class="code">{name}</li>)}
          </ul>
        )}
    </>
  );
}
