import type { RequestIdVariables } from "hono/request-id";
import type { Lang } from "../../../views/i18n/messages.ts";
import type { SessionContext } from "../../people/user_sessions.ts";

/** Per-request values of the admin: the page language and the session (null when signed out). */
export interface AdminEnv {
  Variables: RequestIdVariables & { lang: Lang; session: SessionContext | null };
}
