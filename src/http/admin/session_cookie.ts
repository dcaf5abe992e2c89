import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AdminSettings } from "./admin_settings.ts";
import { secureCookies } from "./request_origin.ts";

/** The session cookie: HttpOnly, SameSite=Lax, path /admin, Secure over https. */
export const SESSION_COOKIE = "whistle_session";

/** The session token the browser sent, if any. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** Sets the session cookie until `expiresAt`. */
export function writeSessionCookie(
  c: Context,
  settings: AdminSettings,
  token: string,
  expiresAt: Date,
): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: "/admin",
    httpOnly: true,
    sameSite: "Lax",
    secure: secureCookies(c, settings),
    expires: expiresAt,
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context, settings: AdminSettings): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: "/admin",
    httpOnly: true,
    sameSite: "Lax",
    secure: secureCookies(c, settings),
  });
}
