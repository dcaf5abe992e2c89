/** @jsxImportSource hono/jsx */
import type { Kpis } from "../../../src/reports/derive_kpis.ts";
import type { ViewContext } from "../view_context.ts";
import { minutesText, percent } from "./format_kpi.ts";

/** The headline KPIs of a period, with the assisting and extension figures. */
export function KpiCards(props: { ctx: ViewContext; kpis: Kpis }) {
  const { ctx, kpis: k } = props;
  const card = (id: string, label: string, value: string, alert = false) => (
    <section class={`card${alert ? " alert" : ""}`}>
      <div class="label">{label}</div>
      <div class="big" id={`kpi-${id}`}>{value}</div>
    </section>
  );
  return (
    <>
      <div class="perf-cards">
        {card("received", ctx.t("perf_kpi_received"), String(k.received))}
        {card(
          "accepted_on_time",
          ctx.t("perf_kpi_accepted_on_time"),
          percent(k.acceptedOnTimeRate),
        )}
        {card(
          "resolved_on_time",
          ctx.t("perf_kpi_resolved_on_time"),
          percent(k.resolvedOnTimeRate),
        )}
        {card("overdue_now", ctx.t("perf_kpi_overdue_now"), String(k.overdueNow), k.overdueNow > 0)}
        {card("escalations", ctx.t("perf_kpi_escalations"), String(k.escalations))}
        {card("returns", ctx.t("perf_kpi_returns"), `${k.returns} (${percent(k.returnRate)})`)}
        {card("accept_p50", ctx.t("perf_kpi_accept_p50"), minutesText(ctx, k.acceptP50))}
        {card("accept_p90", ctx.t("perf_kpi_accept_p90"), minutesText(ctx, k.acceptP90))}
        {card("resolve_p50", ctx.t("perf_kpi_resolve_p50"), minutesText(ctx, k.resolveP50))}
        {card("resolve_p90", ctx.t("perf_kpi_resolve_p90"), minutesText(ctx, k.resolveP90))}
        {card("satisfaction", ctx.t("perf_kpi_satisfaction"), percent(k.satisfactionRate))}
        {card("reopened", ctx.t("perf_kpi_reopened"), String(k.reopened))}
      </div>
      <h3>{ctx.t("perf_assist")}</h3>
      <div class="perf-cards">
        {card("assist_assigned", ctx.t("perf_kpi_assist_assigned"), String(k.assist.assigned))}
        {card(
          "assist_accepted_on_time",
          ctx.t("perf_kpi_assist_accepted_on_time"),
          percent(k.assist.acceptedOnTimeRate),
        )}
        {card(
          "assist_submitted_on_time",
          ctx.t("perf_kpi_assist_submitted_on_time"),
          percent(k.assist.submittedOnTimeRate),
        )}
      </div>
      <h3>{ctx.t("perf_extensions")}</h3>
      <div class="perf-cards">
        {card(
          "extensions_granted",
          ctx.t("perf_kpi_extensions_granted"),
          `${k.extensions.granted} / ${k.extensions.requested}`,
        )}
        {card(
          "extended_on_time",
          ctx.t("perf_kpi_extended_on_time"),
          percent(k.extensions.onTimeExtendedRate),
        )}
        {card(
          "extended_on_time_original",
          ctx.t("perf_kpi_extended_on_time_original"),
          percent(k.extensions.onTimeOriginalRate),
        )}
      </div>
      <p class="perf-note">{ctx.t("perf_precision")}</p>
    </>
  );
}
