import type { MiddlewareHandler } from "hono";
import type { TokenVerifier } from "../access/token_verifier.ts";
import type { AppEnv } from "./app_env.ts";
import { errorBody } from "./error_body.ts";

/**
 * Lets a request through only with `Authorization: Bearer <token>` of a live API token, and puts
 * the caller on the context as `caller`.
 */
export function bearerAuth(tokens: TokenVerifier): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const caller = match ? await tokens.verify(match[1]) : null;
    if (!caller) {
      c.header("WWW-Authenticate", 'Bearer realm="whistle"');
      const message = match
        ? "The bearer token is unknown or revoked"
        : "Send an API token as 'Authorization: Bearer <token>' (deno task token:create NAME)";
      return c.json(errorBody("unauthorized", message, [{ field: "authorization", message }]), 401);
    }
    c.set("caller", caller);
    await next();
    return undefined;
  };
}
