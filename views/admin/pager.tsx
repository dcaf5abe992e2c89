/** @jsxImportSource hono/jsx */
import type { ViewContext } from "./view_context.ts";

/** One page of a longer list. */
export interface PageInfo {
  page: number;
  pages: number;
  total: number;
}

/**
 * Previous/next links; `href(page)` builds each link. With `target`, htmx replaces that element
 * with the page's and pushes the URL (the links also work without JavaScript).
 */
export function Pager(
  props: { ctx: ViewContext; info: PageInfo; href: (page: number) => string; target?: string },
) {
  const { ctx, info } = props;
  const link = (page: number, label: string, rel: string) => (
    <a
      href={props.href(page)}
      rel={rel}
      hx-get={props.target ? props.href(page) : undefined}
      hx-target={props.target}
      hx-swap={props.target ? "outerHTML" : undefined}
      hx-push-url={props.target ? "true" : undefined}
    >
      {label}
    </a>
  );
  return (
    <nav class="pager" aria-label="pages">
      {info.page > 1
        ? link(info.page - 1, ctx.t("previous_page"), "prev")
        : <span class="muted">{ctx.t("previous_page")}</span>}
      <span>{ctx.t("page_of", info as unknown as Record<string, number>)}</span>
      {info.page < info.pages
        ? link(info.page + 1, ctx.t("next_page"), "next")
        : <span class="muted">{ctx.t("next_page")}</span>}
    </nav>
  );
}
