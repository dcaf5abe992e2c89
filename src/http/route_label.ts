import type { Context } from "hono";
import { routePath } from "hono/route";

/**
 * The label of the route that answered a request, for logs and metrics: the pattern it was
 * registered with (`/api/v1/cases/:id`), never the raw path, with parameter regexes dropped
 * (`/open311/v2/requests/:id{[^/]+}` → `/open311/v2/requests/:id`). A request no route took
 * (404 from `notFound`, or answered by a catch-all middleware) is labelled by that middleware's
 * pattern, e.g. `/*`, so the number of labels stays bounded. Call it after `await next()`.
 *
 * @example
 * ```ts
 * import { normalizeRoutePattern } from "./route_label.ts";
 * normalizeRoutePattern("/open311/v2/services/:service_code{[^/]+}"); // "/open311/v2/services/:service_code"
 * ```
 */
export function routeLabel(c: Context): string {
  return normalizeRoutePattern(routePath(c) || "unmatched");
}

/** Drops the `{regex}` of every path parameter. */
export function normalizeRoutePattern(pattern: string): string {
  let out = "";
  let depth = 0;
  for (const char of pattern) {
    if (char === "{") depth += 1;
    else if (char === "}" && depth > 0) depth -= 1;
    else if (depth === 0) out += char;
  }
  return out;
}
