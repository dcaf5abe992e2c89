import type { Context } from "hono";
import type { AdminSettings } from "./admin_settings.ts";

/**
 * The client's address for the login throttle: the connecting peer, or the first
 * `X-Forwarded-For` entry behind a trusted proxy; `null` when unknown (e.g. `app.request()`).
 */
export function clientAddress(c: Context, settings: AdminSettings): string | null {
  if (settings.trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  const env = c.env as { remoteAddr?: { hostname?: string } } | undefined;
  return env?.remoteAddr?.hostname ?? null;
}

/** True when the browser reached the service over https (directly or through a trusted proxy). */
export function isHttps(c: Context, settings: AdminSettings): boolean {
  if (settings.publicOrigin?.startsWith("https:")) return true;
  if (settings.trustProxy && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https") {
    return true;
  }
  return new URL(c.req.url).protocol === "https:";
}

/** Whether cookies get `Secure` for this request. */
export function secureCookies(c: Context, settings: AdminSettings): boolean {
  if (settings.cookieSecure === "always") return true;
  if (settings.cookieSecure === "never") return false;
  return isHttps(c, settings);
}
