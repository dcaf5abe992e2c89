/** @jsxImportSource hono/jsx */
import type { MatterTypePerformance } from "../../../src/reports/matter_type_performance.ts";
import type { ViewContext } from "../view_context.ts";
import { type FilterChoices, FilterForm, type FilterValues } from "./filter_form.tsx";
import { KpiCards } from "./kpi_cards.tsx";
import { KpiTable } from "./kpi_table.tsx";
import type { PerfNames } from "./performance_page.tsx";
import { PerfLayout } from "./perf_layout.tsx";
import { TrendCharts } from "./unit_performance_page.tsx";

/** A matter type's page: KPIs, daily trend, the units that handled it. */
export function MatterTypePerformancePage(
  props: {
    ctx: ViewContext;
    view: MatterTypePerformance;
    values: FilterValues;
    choices: FilterChoices;
    names: PerfNames;
    from: string;
    to: string;
  },
) {
  const { ctx, view, names } = props;
  const q = names.query;
  const title = ctx.t("perf_type_title", { name: names.type(view.code) });
  return (
    <PerfLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <FilterForm
        ctx={ctx}
        action={`/admin/performance/types/${encodeURIComponent(view.code)}`}
        values={props.values}
        choices={props.choices}
      />
      <p>{ctx.t("perf_period", { from: props.from, to: props.to })}</p>
      <KpiCards ctx={ctx} kpis={view.kpis} />
      <h2>{ctx.t("perf_trend")}</h2>
      <TrendCharts ctx={ctx} trend={view.trend} />
      <h2>{ctx.t("perf_its_units")}</h2>
      <KpiTable
        ctx={ctx}
        id="units"
        rows={view.units}
        keyLabel={ctx.t("perf_unit")}
        name={names.unit}
        href={(code) => `/admin/performance/units/${encodeURIComponent(code)}${q ? `?${q}` : ""}`}
      />
    </PerfLayout>
  );
}
