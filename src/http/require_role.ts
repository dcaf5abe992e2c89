import type { MiddlewareHandler } from "hono";
import type { ApiRole } from "../access/api_token.ts";
import type { AppEnv } from "./app_env.ts";
import { errorBody } from "./error_body.ts";

/**
 * Lets through only callers whose token has one of `roles` (`admin` always passes). Runs after
 * `bearerAuth`.
 *
 * @example
 * ```ts ignore
 * app.use("/rulesets/*", requireRole("policy_editor"));
 * ```
 */
export function requireRole(...roles: ApiRole[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role } = c.get("caller");
    if (role !== "admin" && !roles.includes(role)) {
      const message = `This needs a token with role ${
        roles.join(" or ")
      }; this token has role ${role}`;
      return c.json(errorBody("forbidden", message, [{ field: "authorization", message }]), 403);
    }
    await next();
    return undefined;
  };
}
