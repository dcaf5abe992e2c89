import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import {
  isMessageKey,
  type Lang,
  type MessageKey,
  type MessageParams,
  translate,
} from "../../../views/i18n/messages.ts";
import type { Flash } from "../../../views/admin/view_context.ts";

const FLASH_COOKIE = "whistle_flash";

/**
 * Leaves a notice for the next page (after a POST and its redirect), as a short-lived cookie
 * holding a message key and its parameters (never HTML; the page escapes the text).
 */
export function setFlash(
  c: Context,
  kind: Flash["kind"],
  key: MessageKey,
  params: MessageParams = {},
): void {
  const value = btoa(encodeURIComponent(JSON.stringify({ kind, key, params })));
  setCookie(c, FLASH_COOKIE, value, {
    path: "/admin",
    httpOnly: true,
    sameSite: "Lax",
    maxAge: 60,
  });
}

/** Reads and removes the notice left by the previous request, in `lang`. */
export function takeFlash(c: Context, lang: Lang): Flash | null {
  const value = getCookie(c, FLASH_COOKIE);
  if (!value) return null;
  deleteCookie(c, FLASH_COOKIE, { path: "/admin" });
  try {
    const data = JSON.parse(decodeURIComponent(atob(value)));
    if (!isMessageKey(data.key) || (data.kind !== "ok" && data.kind !== "error")) return null;
    const params: MessageParams = {};
    for (const [name, v] of Object.entries(data.params ?? {})) {
      if (typeof v === "string" || typeof v === "number") params[name] = v;
    }
    return { kind: data.kind, text: translate(lang, data.key, params) };
  } catch {
    return null;
  }
}
