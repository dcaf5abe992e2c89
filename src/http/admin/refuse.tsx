/** @jsxImportSource hono/jsx */
import type { Context } from "hono";
import { FlashNotice } from "../../../views/admin/layout.tsx";
import { MessagePage } from "../../../views/admin/message_page.tsx";
import type { MessageKey, MessageParams } from "../../../views/i18n/messages.ts";
import type { AdminEnv } from "./admin_env.ts";
import { html, viewOf, wantsFragment } from "./respond.ts";

/**
 * Answers a request the admin will not do (403, 404, 409, ...): a page for a plain request; for
 * htmx, a notice swapped into `#flash` (`HX-Retarget`), leaving the page as it was.
 */
export function refuse(
  // deno-lint-ignore no-explicit-any
  c: Context<AdminEnv, any, any>,
  status: 400 | 403 | 404 | 409 | 429 | 500,
  title: MessageKey,
  text: MessageKey,
  params: MessageParams = {},
): Response | Promise<Response> {
  const ctx = viewOf(c);
  const role = ctx.user ? ctx.t(`role_${ctx.user.role}`) : "";
  const message = ctx.t(text, { role, ...params });
  if (wantsFragment(c) || c.req.header("hx-request") === "true") {
    c.header("HX-Retarget", "#flash");
    c.header("HX-Reswap", "innerHTML");
    return html(c, <FlashNotice kind="error" text={message} />, status);
  }
  return html(c, <MessagePage ctx={ctx} title={ctx.t(title)} text={message} />, status);
}

/** 404: no such draft, item, version or page. */
// deno-lint-ignore no-explicit-any
export function notFound(c: Context<AdminEnv, any, any>): Response | Promise<Response> {
  return refuse(c, 404, "error_not_found_title", "error_not_found");
}

/** 409: the draft was published and is read only. */
// deno-lint-ignore no-explicit-any
export function notOpen(c: Context<AdminEnv, any, any>): Response | Promise<Response> {
  return refuse(c, 409, "error_conflict_title", "draft_published_note");
}
