/** @jsxImportSource hono/jsx */
/**
 * Signing in and out, and the language switch: the only admin routes open without a session.
 *
 * @module
 */

import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { LoginPage } from "../../../views/admin/login_page.tsx";
import { signIn } from "../../people/sign_in.ts";
import { createSession, deleteOldSessions, revokeSession } from "../../people/user_sessions.ts";
import type { AdminDeps } from "./admin_deps.ts";
import type { AdminEnv } from "./admin_env.ts";
import { readForm } from "./admin_forms.ts";
import { setFlash } from "./flash.ts";
import { LANG_COOKIE } from "./negotiate_lang.ts";
import { clientAddress } from "./request_origin.ts";
import { requirePermission } from "./require_permission.ts";
import { html, safeBack, seeOther, viewOf } from "./respond.ts";
import { clearSessionCookie, writeSessionCookie } from "./session_cookie.ts";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** `GET|POST /login`, `POST /logout`, `GET /lang/:lang`. */
export function loginRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get("/login", (c) => {
    const next = safeBack(c.req.query("next"), "/admin");
    if (c.get("session")) return seeOther(c, next);
    return html(c, <LoginPage ctx={viewOf(c)} next={next} />);
  });

  app.post("/login", async (c) => {
    const form = await readForm(c);
    const name = typeof form.name === "string" ? form.name : "";
    const password = typeof form.password === "string" ? form.password : "";
    const next = safeBack(form.next, "/admin");
    const now = deps.clock();
    const ip = clientAddress(c, deps.settings);
    const outcome = await signIn(deps.db, { name, password, ip }, now);
    const ctx = viewOf(c);
    if (outcome.status === "throttled") {
      c.header("Retry-After", String(outcome.retryAfterSeconds));
      const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
      const error = ctx.t("login_throttled", { minutes });
      return html(c, <LoginPage ctx={ctx} next={next} name={name} error={error} />, 429);
    }
    if (outcome.status === "invalid") {
      const error = ctx.t("login_invalid");
      return html(c, <LoginPage ctx={ctx} next={next} name={name} error={error} />, 401);
    }
    // A fresh session at every sign-in (never keep one the browser brought: no fixation).
    const previous = c.get("session");
    if (previous) await revokeSession(deps.db, previous.sessionId, now);
    await deleteOldSessions(deps.db, now, WEEK_MS);
    const session = await createSession(
      deps.db,
      {
        userId: outcome.user.id,
        ip,
        userAgent: c.req.header("user-agent") ?? null,
      },
      now,
      deps.settings.sessionTtlMs,
    );
    writeSessionCookie(c, deps.settings, session.token, session.expiresAt);
    return seeOther(c, next);
  });

  app.post("/logout", requirePermission("read"), async (c) => {
    const session = c.get("session");
    if (session) await revokeSession(deps.db, session.sessionId, deps.clock());
    clearSessionCookie(c, deps.settings);
    setFlash(c, "ok", "signed_out");
    return seeOther(c, "/admin/login");
  });

  app.get("/lang/:lang{zh|en}", (c) => {
    setCookie(c, LANG_COOKIE, c.req.param("lang"), {
      path: "/admin",
      sameSite: "Lax",
      httpOnly: true,
      maxAge: 365 * 24 * 60 * 60,
    });
    return c.redirect(safeBack(c.req.query("next"), "/admin"), 303);
  });

  return app;
}
