/** @jsxImportSource hono/jsx */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "../../observability/logger.ts";
import type { AdminEnv } from "./admin_env.ts";
import { refuse } from "./refuse.tsx";

/**
 * The admin's `onError`: an HTML page (or, for htmx, a notice in `#flash`) instead of the API's
 * JSON. Unexpected errors are logged with their stack and shown as a 500 naming the request id.
 */
export function adminErrorHandler(
  logger: Logger,
): (error: Error, c: Context<AdminEnv>) => Response | Promise<Response> {
  return (error, c) => {
    if (error instanceof HTTPException) {
      const status = error.status;
      if (status === 403) return refuse(c, 403, "error_forbidden_title", "error_csrf");
      if (status === 404) return refuse(c, 404, "error_not_found_title", "error_not_found");
      if (status < 500) return refuse(c, 400, "error_bad_request_title", "error_not_found");
    }
    logger.error("unhandled error", {
      request_id: c.get("requestId"),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      error: String(error),
      stack: error.stack,
    });
    return refuse(c, 500, "error_internal_title", "error_internal", {
      id: c.get("requestId") ?? "-",
    });
  };
}
