/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";
import { html } from "hono/html";
import { ASSET_URLS } from "./asset_urls.ts";
import { HTMX_CONFIG } from "./htmx_config.ts";
import type { ViewContext } from "./view_context.ts";
import type { MessageKey } from "../i18n/messages.ts";

/** The main sections, for the navigation (the current one is marked). */
export type Section =
  | "overview"
  | "units"
  | "matter_types"
  | "rules"
  | "drafts"
  | "versions"
  | "try"
  | "performance"
  | "users"
  | "tokens"
  | "none";

const NAV: { section: Section; href: string; label: MessageKey; access?: true }[] = [
  { section: "overview", href: "/admin", label: "nav_overview" },
  { section: "units", href: "/admin/units", label: "nav_units" },
  { section: "matter_types", href: "/admin/matter-types", label: "nav_matter_types" },
  { section: "rules", href: "/admin/rules", label: "nav_rules" },
  { section: "drafts", href: "/admin/drafts", label: "nav_drafts" },
  { section: "versions", href: "/admin/versions", label: "nav_versions" },
  { section: "try", href: "/admin/try", label: "nav_try" },
  { section: "performance", href: "/admin/performance", label: "nav_performance" },
  { section: "users", href: "/admin/users", label: "nav_users", access: true },
  { section: "tokens", href: "/admin/tokens", label: "nav_tokens", access: true },
];

/** A hidden form field with the session's CSRF token (for forms posted without htmx). */
export function CsrfField(props: { ctx: ViewContext }) {
  return props.ctx.csrfToken
    ? <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
    : null;
}

/** A one-time notice (also what htmx swaps into #flash for refused requests). */
export function FlashNotice(props: { kind: "ok" | "error"; text: string }) {
  return <p class={`flash flash-${props.kind}`}>{props.text}</p>;
}

/**
 * The page shell: DOCTYPE, head (stylesheet, htmx, its settings), the navigation with the
 * signed-in user, the language switch and sign-out, a notice area, and the page.
 */
export function Layout(
  props: {
    ctx: ViewContext;
    title: string;
    section: Section;
    children?: Child;
    /** Extra elements for `<head>` (e.g. a no-JavaScript refresh while a job runs). */
    head?: Child;
  },
) {
  const { ctx } = props;
  const other = ctx.lang === "zh" ? "en" : "zh";
  const switchHref = `/admin/lang/${other}?next=${encodeURIComponent(ctx.here)}`;
  return (
    <>
      {html`<!DOCTYPE html>`}
      <html lang={ctx.lang === "zh" ? "zh-CN" : "en"}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <title>{props.title} · {ctx.t("app_name")}</title>
          <link rel="icon" href="data:," />
          <link rel="stylesheet" href={ASSET_URLS.css} />
          <script src={ASSET_URLS.htmx} defer></script>
          {props.head}
        </head>
        <body
          hx-headers={ctx.csrfToken ? JSON.stringify({ "X-CSRF-Token": ctx.csrfToken }) : undefined}
        >
          <a class="skip" href="#main">{ctx.t("skip_to_content")}</a>
          <header class="top">
            <a class="brand" href="/admin">{ctx.t("app_name")}</a>
            {ctx.user && (
              <nav class="nav" aria-label="main">
                {NAV.filter((item) => !item.access || ctx.can("read_access")).map((item) => (
                  <a
                    href={item.href}
                    aria-current={item.section === props.section ? "page" : undefined}
                  >
                    {ctx.t(item.label)}
                  </a>
                ))}
              </nav>
            )}
            <div class="who">
              <a href={switchHref} hreflang={other} title={ctx.t("switch_lang_title")}>
                {ctx.t("switch_lang")}
              </a>
              {ctx.user && (
                <>
                  <span class="user">
                    {ctx.t("signed_in_as", {
                      name: ctx.user.name,
                      role: ctx.t(`role_${ctx.user.role}`),
                    })}
                  </span>
                  <form method="post" action="/admin/logout" class="inline">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="link">{ctx.t("sign_out")}</button>
                  </form>
                </>
              )}
            </div>
          </header>
          <div id="flash" role="status" aria-live="polite">
            {ctx.flash && <FlashNotice kind={ctx.flash.kind} text={ctx.flash.text} />}
          </div>
          <main id="main">{props.children}</main>
        </body>
      </html>
    </>
  );
}
