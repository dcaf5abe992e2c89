/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";
import { Layout } from "../layout.tsx";
import type { ViewContext } from "../view_context.ts";

/** The performance stylesheet (screen and print), served by the performance sub-app. */
export const PERF_CSS_URL = "/admin/performance/performance.css";

/** The admin layout with the performance stylesheet. */
export function PerfLayout(props: { ctx: ViewContext; title: string; children?: Child }) {
  return (
    <Layout
      ctx={props.ctx}
      title={props.title}
      section="none"
      head={<link rel="stylesheet" href={PERF_CSS_URL} />}
    >
      <p class="perf-nav no-print">
        <a href="/admin/performance">{props.ctx.t("perf_title")}</a>
      </p>
      {props.children}
    </Layout>
  );
}
