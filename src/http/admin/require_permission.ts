import type { MiddlewareHandler } from "hono";
import { type Permission, roleCan } from "../../people/user_role.ts";
import type { AdminEnv } from "./admin_env.ts";
import { refuse } from "./refuse.tsx";
import { seeOther } from "./respond.ts";

/**
 * Lets a request through only with a session whose role has `permission`. Signed out: a
 * redirect to the sign-in page (which comes back here afterwards, for a GET). Signed in without
 * the permission: 403. Every admin route except sign-in, the language switch and the static
 * files goes through this.
 *
 * @example
 * ```ts ignore
 * app.post("/drafts/:id/publish", requirePermission("edit_rules"), publishHandler);
 * ```
 */
export function requirePermission(permission: Permission): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const session = c.get("session");
    if (!session) {
      const url = new URL(c.req.url);
      const back = c.req.method === "GET" ? url.pathname + url.search : "/admin";
      return seeOther(c, `/admin/login?next=${encodeURIComponent(back)}`);
    }
    if (!roleCan(session.user.role, permission)) {
      return refuse(c, 403, "error_forbidden_title", "error_forbidden");
    }
    await next();
    return undefined;
  };
}
