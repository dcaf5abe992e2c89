import type { Context } from "hono";
import type { HtmlEscapedString } from "hono/utils/html";
import { type ViewContext, viewContext } from "../../../views/admin/view_context.ts";
import type { AdminEnv } from "./admin_env.ts";
import { takeFlash } from "./flash.ts";

type AdminContext = Context<AdminEnv>;

/**
 * True when htmx asks for a fragment: `HX-Request` without `HX-History-Restore-Request` (a
 * history miss wants the full page).
 */
export function wantsFragment(c: Context): boolean {
  return c.req.header("hx-request") === "true" && !c.req.header("hx-history-restore-request");
}

/** The view context of this request (language, user, CSRF token, one-time notice). */
export function viewOf(c: AdminContext): ViewContext {
  const session = c.get("session");
  const url = new URL(c.req.url);
  return viewContext({
    lang: c.get("lang"),
    user: session ? { name: session.user.name, role: session.user.role } : null,
    csrfToken: session?.csrfToken ?? null,
    here: url.pathname + url.search,
    flash: c.req.method === "GET" && !wantsFragment(c) ? takeFlash(c, c.get("lang")) : null,
  });
}

/**
 * Answers with HTML that must not be cached (it holds the CSRF token and private data) and that
 * differs for htmx requests.
 */
export function html(
  c: Context,
  body: HtmlEscapedString | Promise<HtmlEscapedString>,
  status: 200 | 201 | 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 = 200,
): Response | Promise<Response> {
  c.header("Cache-Control", "no-store");
  c.header("Vary", "HX-Request, Cookie");
  return c.html(body, status);
}

/**
 * Sends the browser to `url` after a state-changing request: 303 for a plain form post; for
 * htmx, `HX-Redirect` (a full page load, not a swap of the next page into a fragment).
 */
export function seeOther(c: Context, url: string): Response {
  if (c.req.header("hx-request") === "true") {
    c.header("HX-Redirect", url);
    return c.body(null, 200);
  }
  return c.redirect(url, 303);
}

/**
 * A local path to go back to (`next`, `back` fields), never another site: only paths under
 * `/admin`, else `fallback`.
 *
 * @example
 * ```ts
 * import { safeBack } from "./respond.ts";
 * safeBack("/admin/drafts/1?page=2", "/admin"); // "/admin/drafts/1?page=2"
 * safeBack("//evil.example/admin", "/admin"); // "/admin"
 * ```
 */
export function safeBack(value: unknown, fallback: string): string {
  if (typeof value !== "string") return fallback;
  if (!/^\/admin(?:[/?#]|$)/.test(value) || value.includes("\\")) return fallback;
  return value;
}
