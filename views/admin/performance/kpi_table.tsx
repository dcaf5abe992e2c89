/** @jsxImportSource hono/jsx */
import { KPI_COLUMNS } from "../../../src/reports/kpi_columns.ts";
import type { KpiRow } from "../../../src/reports/performance_overview.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import type { ViewContext } from "../view_context.ts";
import { cellText } from "./format_kpi.ts";

/**
 * A table of KPI rows. With `sortHref`, each column heading is a link that sorts by it (the
 * second click reverses): plain links, so sorting works without JavaScript.
 */
export function KpiTable(
  props: {
    ctx: ViewContext;
    rows: KpiRow[];
    /** The first column's heading. */
    keyLabel: string;
    name: (code: string) => string;
    href?: (code: string) => string;
    sortHref?: (key: string, dir: "asc" | "desc") => string;
    sort?: { key: string; dir: "asc" | "desc" };
    id?: string;
  },
) {
  const { ctx } = props;
  return (
    <div class="table-scroll">
      <table class="plain perf-table" id={props.id}>
        <thead>
          <tr>
            <th scope="col">{props.keyLabel}</th>
            {KPI_COLUMNS.map((c) => {
              const label = ctx.t(`perf_kpi_${c.key}` as MessageKey);
              const current = props.sort?.key === c.key;
              const next = current && props.sort?.dir === "desc" ? "asc" : "desc";
              return (
                <th
                  scope="col"
                  aria-sort={current
                    ? (props.sort!.dir === "asc" ? "ascending" : "descending")
                    : undefined}
                >
                  {props.sortHref
                    ? (
                      <a href={props.sortHref(c.key, next)}>
                        {label}
                        {current ? (props.sort!.dir === "asc" ? " ▲" : " ▼") : ""}
                      </a>
                    )
                    : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr data-code={row.code}>
              <th scope="row">
                {props.href
                  ? <a href={props.href(row.code)}>{props.name(row.code)}</a>
                  : props.name(row.code)}
              </th>
              {KPI_COLUMNS.map((c) => (
                <td class="num" data-kpi={c.key}>{cellText(ctx, c, c.value(row.kpis))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
