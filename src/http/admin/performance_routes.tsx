/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import type { Context } from "hono";
import { MatterTypePerformancePage } from "../../../views/admin/performance/matter_type_performance_page.tsx";
import type { FilterChoices, FilterValues } from "../../../views/admin/performance/filter_form.tsx";
import {
  type PerfNames,
  PerformancePage,
} from "../../../views/admin/performance/performance_page.tsx";
import { ReportPage } from "../../../views/admin/performance/report_page.tsx";
import { UnitPerformancePage } from "../../../views/admin/performance/unit_performance_page.tsx";
import perfCss from "../../../views/admin/performance/performance.css" with { type: "text" };
import { localName } from "../../../views/admin/format.ts";
import type { Lang } from "../../../views/i18n/messages.ts";
import type { CompiledRuleset } from "../../routing/compile_ruleset.ts";
import { kpiCsv } from "../../reports/kpi_csv.ts";
import { sortRows } from "../../reports/kpi_columns.ts";
import { addDays, beijingDay, isDay, type KpiFilter, monthDays } from "../../reports/kpi_filter.ts";
import { matterTypePerformance } from "../../reports/matter_type_performance.ts";
import { performanceOverview } from "../../reports/performance_overview.ts";
import { unitPerformance } from "../../reports/unit_performance.ts";
import { unitScope } from "../../reports/unit_scope.ts";
import type { AdminDeps } from "./admin_deps.ts";
import type { AdminEnv } from "./admin_env.ts";
import { notFound, refuse } from "./refuse.tsx";
import { requirePermission } from "./require_permission.ts";
import { html, viewOf } from "./respond.ts";

const CHANNELS = ["hotline", "grid_app", "wechat", "web", "open311"];
const MAX_DAYS = 400;

/** The query's filters, checked against the active ruleset; an error names the bad value. */
function readFilters(
  c: Context<AdminEnv>,
  ruleset: CompiledRuleset,
  today: string,
): { values: FilterValues; filter: KpiFilter } | { error: string } {
  const q = (name: string) => (c.req.query(name) ?? "").trim();
  const values: FilterValues = {
    from: q("from") || addDays(today, -29),
    to: q("to") || today,
    unit: q("unit"),
    category: q("category"),
    type: q("type"),
    channel: q("channel"),
    sort: q("sort") || undefined,
    dir: q("dir") || undefined,
  };
  for (const day of [values.from, values.to]) if (!isDay(day)) return { error: day };
  if (values.from > values.to) return { error: `${values.from} > ${values.to}` };
  if (Date.parse(values.to) - Date.parse(values.from) > MAX_DAYS * 86_400_000) {
    return { error: `${values.from} … ${values.to} (> ${MAX_DAYS})` };
  }
  const doc = ruleset.document;
  if (values.unit && !ruleset.units.has(values.unit)) return { error: values.unit };
  if (values.type && !ruleset.matterTypes.has(values.type)) return { error: values.type };
  const categoryTypes = doc.matter_types.filter((t) => t.category === values.category);
  if (values.category && categoryTypes.length === 0) return { error: values.category };
  if (values.channel && !/^[\w.-]{1,40}$/.test(values.channel)) return { error: values.channel };
  let types: string[] | undefined;
  if (values.type) types = [values.type];
  if (values.category) {
    const inCategory = categoryTypes.map((t) => t.code);
    types = types ? types.filter((t) => inCategory.includes(t)) : inCategory;
    if (types.length === 0) types = ["\u0000none"];
  }
  return {
    values,
    filter: {
      from: values.from,
      to: values.to,
      units: values.unit ? unitScope(doc, values.unit) : undefined,
      types,
      channels: values.channel ? [values.channel] : undefined,
    },
  };
}

function choices(ruleset: CompiledRuleset, lang: Lang): FilterChoices {
  const doc = ruleset.document;
  return {
    units: doc.units.map((u) => ({ code: u.code, name: localName(u, lang) })),
    categories: [...new Set(doc.matter_types.map((t) => t.category))],
    types: doc.matter_types.map((t) => ({ code: t.code, name: localName(t, lang) })),
    channels: CHANNELS,
  };
}

function names(ruleset: CompiledRuleset, lang: Lang, values: FilterValues): PerfNames {
  const params = new URLSearchParams();
  for (const key of ["from", "to", "unit", "category", "type", "channel"] as const) {
    if (values[key]) params.set(key, values[key]);
  }
  return {
    unit: (code) => {
      const u = ruleset.units.get(code);
      return u ? localName(u, lang) : code;
    },
    type: (code) => {
      const t = ruleset.matterTypes.get(code);
      return t ? localName(t, lang) : code;
    },
    query: params.toString(),
  };
}

/**
 * The performance pages under `/admin/performance` (read permission): the overview (ranked
 * units, sortable with `?sort=&dir=`), a unit's page, a matter type's page, daily and monthly
 * reports as printable HTML or CSV, and their stylesheet.
 */
export function performanceRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const read = requirePermission("read");

  app.get("/performance/performance.css", (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(perfCss);
  });

  const invalid = (c: Context<AdminEnv>, value: string) =>
    refuse(c, 400, "error_bad_request_title", "perf_invalid_period", { value });

  app.get("/performance", read, async (c) => {
    const ruleset = deps.ruleset.current;
    const now = deps.clock();
    const read = readFilters(c, ruleset, beijingDay(now));
    if ("error" in read) return invalid(c, read.error);
    const view = await performanceOverview(deps.db, ruleset.document, read.filter, now);
    const dir = read.values.dir === "asc" ? "asc" : "desc";
    const key = read.values.sort ?? "resolved_on_time";
    view.units = sortRows(view.units, key, dir);
    return html(
      c,
      <PerformancePage
        ctx={viewOf(c)}
        view={view}
        values={read.values}
        choices={choices(ruleset, c.get("lang"))}
        sort={{ key, dir }}
        names={names(ruleset, c.get("lang"), read.values)}
      />,
    );
  });

  app.get("/performance/units/:code", read, async (c) => {
    const ruleset = deps.ruleset.current;
    const code = c.req.param("code");
    if (!ruleset.units.has(code)) return notFound(c);
    const now = deps.clock();
    const read = readFilters(c, ruleset, beijingDay(now));
    if ("error" in read) return invalid(c, read.error);
    const view = await unitPerformance(deps.db, ruleset.document, code, read.filter, now);
    return html(
      c,
      <UnitPerformancePage
        ctx={viewOf(c)}
        view={view}
        values={read.values}
        choices={choices(ruleset, c.get("lang"))}
        names={names(ruleset, c.get("lang"), read.values)}
        from={read.filter.from}
        to={read.filter.to}
      />,
    );
  });

  app.get("/performance/types/:code", read, async (c) => {
    const ruleset = deps.ruleset.current;
    const code = c.req.param("code");
    if (!ruleset.matterTypes.has(code)) return notFound(c);
    const now = deps.clock();
    const read = readFilters(c, ruleset, beijingDay(now));
    if ("error" in read) return invalid(c, read.error);
    const view = await matterTypePerformance(deps.db, code, read.filter, now);
    return html(
      c,
      <MatterTypePerformancePage
        ctx={viewOf(c)}
        view={view}
        values={read.values}
        choices={choices(ruleset, c.get("lang"))}
        names={names(ruleset, c.get("lang"), read.values)}
        from={read.filter.from}
        to={read.filter.to}
      />,
    );
  });

  // ?period=day&date=YYYY-MM-DD or ?period=month&date=YYYY-MM, &format=csv for the CSV.
  app.get("/performance/report", read, async (c) => {
    const ruleset = deps.ruleset.current;
    const now = deps.clock();
    const period = c.req.query("period") === "month" ? "month" : "day";
    const today = beijingDay(now);
    const date = c.req.query("date") ?? (period === "day" ? today : today.slice(0, 7));
    let filter: KpiFilter;
    if (period === "day") {
      if (!isDay(date)) return invalid(c, date);
      filter = { from: date, to: date };
    } else {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(date)) return invalid(c, date);
      filter = monthDays(date);
    }
    const lang = c.get("lang");
    const view = await performanceOverview(deps.db, ruleset.document, filter, now);
    view.units = sortRows(view.units, "received", "desc");
    const label = names(ruleset, lang, {
      ...filter,
      unit: "",
      category: "",
      type: "",
      channel: "",
    });
    if (c.req.query("format") === "csv") {
      const rows = [{ code: "TOTAL", kpis: view.total }, ...view.units];
      const csv = kpiCsv(rows, (code) => code === "TOTAL" ? "" : label.unit(code));
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="whistle-${period}-${date}.csv"`);
      c.header("Cache-Control", "no-store");
      return c.body(csv);
    }
    return html(
      c,
      <ReportPage
        ctx={viewOf(c)}
        view={view}
        period={period}
        date={date}
        names={label}
        generatedAt={now}
        csvHref={`/admin/performance/report?period=${period}&date=${date}&format=csv`}
      />,
    );
  });

  return app;
}
