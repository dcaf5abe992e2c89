import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { findSession } from "../../people/user_sessions.ts";
import type { AdminDeps } from "./admin_deps.ts";
import type { AdminEnv } from "./admin_env.ts";
import { LANG_COOKIE, negotiateLang } from "./negotiate_lang.ts";
import { readSessionCookie } from "./session_cookie.ts";

/**
 * Puts the page language and the session (or `null`) on the context. A cookie that opens no
 * live session (expired, revoked, user disabled) counts as signed out.
 */
export function loadSession(deps: AdminDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    c.set("lang", negotiateLang(getCookie(c, LANG_COOKIE), c.req.header("accept-language")));
    const token = readSessionCookie(c);
    c.set("session", token ? (await findSession(deps.db, token, deps.clock())) ?? null : null);
    await next();
    return undefined;
  };
}
