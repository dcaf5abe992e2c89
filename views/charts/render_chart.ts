/**
 * Charts drawn on the server as SVG with Apache ECharts in SSR mode: no JavaScript in the
 * browser, and they print. ECharts escapes the texts it writes into the SVG; pages embed the
 * result as an `<img>` (a `data:` URL), which the admin's Content-Security-Policy allows and
 * which keeps the chart's own styles away from the page.
 *
 * @module
 */

import * as echarts from "echarts";

/** One line or bar series. */
export interface ChartSeries {
  name: string;
  data: (number | null)[];
}

/** A chart: categories on the x axis, one or more series. */
export interface ChartSpec {
  kind: "line" | "bar";
  categories: string[];
  series: ChartSeries[];
  width?: number;
  height?: number;
  /** Values are rates 0..1, shown as percentages. */
  percent?: boolean;
}

/**
 * The chart as an SVG document.
 *
 * @example
 * ```ts
 * import { renderChartSvg } from "./render_chart.ts";
 * const svg = renderChartSvg({
 *   kind: "bar", categories: ["民政局", "<b>"], series: [{ name: "件数", data: [3, 5] }],
 * });
 * svg.startsWith("<svg"); // true
 * svg.includes("<b>"); // false: texts are escaped
 * ```
 */
export function renderChartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: spec.width ?? 720,
    height: spec.height ?? 280,
  });
  try {
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 24, top: spec.series.length > 1 ? 40 : 16, bottom: 56 },
      legend: spec.series.length > 1 ? { top: 4 } : undefined,
      textStyle: { fontFamily: "sans-serif" },
      xAxis: {
        type: "category",
        data: spec.categories,
        axisLabel: { rotate: spec.categories.length > 8 ? 40 : 0, fontSize: 11 },
      },
      yAxis: spec.percent
        ? {
          type: "value",
          min: 0,
          max: 1,
          axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
        }
        : { type: "value", minInterval: 1 },
      series: spec.series.map((s) => ({
        type: spec.kind,
        name: s.name,
        data: s.data,
        connectNulls: false,
        showSymbol: spec.categories.length <= 40,
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The chart as a `data:` URL for an `<img src>`.
 *
 * @example
 * ```ts
 * import { chartDataUrl } from "./render_chart.ts";
 * chartDataUrl({ kind: "line", categories: ["1日"], series: [{ name: "a", data: [1] }] })
 *   .startsWith("data:image/svg+xml;base64,"); // true
 * ```
 */
export function chartDataUrl(spec: ChartSpec): string {
  const bytes = new TextEncoder().encode(renderChartSvg(spec));
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
