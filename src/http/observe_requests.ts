import type { MiddlewareHandler } from "hono";
import type { ApiCaller } from "../access/api_token.ts";
import type { WhistleMetrics } from "../metrics/whistle_metrics.ts";
import type { Logger } from "../observability/logger.ts";
import type { AppEnv } from "./app_env.ts";
import { routeLabel } from "./route_label.ts";

/** Probes and scrapes: logged at debug level so they do not drown the requests that matter. */
const QUIET_ROUTES = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * Times every request, records it in `whistle_http_request_duration_seconds` and writes one log
 * line: request id, method, route pattern, status, duration, and the actor (`token:<name>`,
 * never the token). No query string, no body, no personal data. Mount it after `requestId()`.
 *
 * @example
 * ```ts ignore
 * app.use(requestId());
 * app.use(observeRequests(metrics, logger));
 * ```
 */
export function observeRequests(
  metrics: WhistleMetrics,
  logger: Logger,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routeLabel(c);
    const status = c.res.status;
    metrics.request(c.req.method, route, status, seconds);
    const caller = c.var.caller as ApiCaller | undefined;
    const line = {
      request_id: c.var.requestId,
      method: c.req.method,
      route,
      status,
      duration_ms: Math.round(seconds * 1e6) / 1e3,
      actor: caller ? `token:${caller.name}` : null,
    };
    if (QUIET_ROUTES.has(route)) logger.debug("request", line);
    else if (status >= 500) logger.error("request", line);
    else logger.info("request", line);
  };
}
