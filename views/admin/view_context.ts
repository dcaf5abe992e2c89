/**
 * What every admin view needs to know about the request: the language, who is signed in, the
 * CSRF token for forms, where the page is (for the language switch), a one-time notice.
 *
 * @module
 */

import type { Permission, UserRole } from "../../src/people/user_role.ts";
import { roleCan } from "../../src/people/user_role.ts";
import { type Lang, type MessageKey, type MessageParams, translate } from "../i18n/messages.ts";

/** A notice shown once at the top of the next page (after a redirect). */
export interface Flash {
  kind: "ok" | "error";
  text: string;
}

/** The request, as views see it. */
export interface ViewContext {
  lang: Lang;
  user: { name: string; role: UserRole } | null;
  csrfToken: string | null;
  /** Path and query of this page. */
  here: string;
  flash: Flash | null;
  /** A message in the page's language. */
  t(key: MessageKey, params?: MessageParams): string;
  /** May the signed-in user do this? */
  can(permission: Permission): boolean;
  /** The text of a bilingual value in the page's language. */
  pick(text: { zh: string; en: string }): string;
}

/**
 * Builds the view context.
 *
 * @example
 * ```ts
 * import { type ViewContext, viewContext } from "./view_context.ts";
 * const ctx: ViewContext = viewContext({
 *   lang: "en", user: { name: "li", role: "auditor" }, csrfToken: null, here: "/admin", flash: null,
 * });
 * ctx.can("edit_rules"); // false
 * ctx.t("nav_versions"); // "Versions"
 * ```
 */
export function viewContext(
  init: Pick<ViewContext, "lang" | "user" | "csrfToken" | "here" | "flash">,
): ViewContext {
  return {
    ...init,
    t: (key, params) => translate(init.lang, key, params),
    can: (permission) => init.user !== null && roleCan(init.user.role, permission),
    pick: (text) => text[init.lang],
  };
}
