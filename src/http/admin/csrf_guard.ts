import type { MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import type { AdminEnv } from "./admin_env.ts";
import { readForm } from "./admin_forms.ts";
import type { AdminSettings } from "./admin_settings.ts";
import { refuse } from "./refuse.tsx";

/** Form field and header that carry the per-session CSRF token. */
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";

const SAFE = /^(GET|HEAD|OPTIONS)$/;

/**
 * Two checks on every state-changing request (two layers, so that one mistake is not enough):
 *
 * 1. hono/csrf: a form post must come from the admin's own origin (`Origin` or
 *    `Sec-Fetch-Site: same-origin`); `WHISTLE_PUBLIC_ORIGIN` names it behind a proxy.
 * 2. With a session: the session's CSRF token must come back, as the `_csrf` form field (plain
 *    forms) or the `X-CSRF-Token` header (htmx sends it from `hx-headers` on `<body>`),
 *    compared in constant time. Requests without a session (sign-in) only get check 1; every
 *    other state-changing route needs a session anyway.
 */
export function csrfGuard(settings: AdminSettings): MiddlewareHandler<AdminEnv> {
  const origin = csrf(settings.publicOrigin ? { origin: settings.publicOrigin } : undefined);
  return async (c, next) => {
    if (SAFE.test(c.req.method)) return await next();
    try {
      await origin(c, () => Promise.resolve());
    } catch {
      return refuse(c, 403, "error_forbidden_title", "error_csrf");
    }
    const session = c.get("session");
    if (session) {
      let sent = c.req.header(CSRF_HEADER);
      if (!sent) {
        const type = c.req.header("content-type") ?? "";
        if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
          const field = (await readForm(c))[CSRF_FIELD];
          sent = typeof field === "string" ? field : undefined;
        }
      }
      if (!sent || !sameText(sent, session.csrfToken)) {
        return refuse(c, 403, "error_forbidden_title", "error_csrf");
      }
    }
    await next();
    return undefined;
  };
}

/** Compares two texts in time that depends on their length only. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
