/** @jsxImportSource hono/jsx */
import { Layout } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";

/** A page that only says something: an error (403, 404, 409, 500) or a notice. */
export function MessagePage(props: { ctx: ViewContext; title: string; text: string }) {
  return (
    <Layout ctx={props.ctx} title={props.title} section="none">
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <p>
        <a href="/admin">{props.ctx.t("nav_overview")}</a>
      </p>
    </Layout>
  );
}
