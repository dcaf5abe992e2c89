import { Hono } from "hono";
import { timingSafeEqual } from "node:crypto";
import type { AppEnv } from "./app_env.ts";
import { errorBody } from "./error_body.ts";
import type { HttpDeps } from "./http_deps.ts";

function sameSecret(given: string, expected: string): boolean {
  const a = new TextEncoder().encode(given);
  const b = new TextEncoder().encode(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics`: every metric in the Prometheus text format. With `WHISTLE_METRICS_TOKEN` set
 * it needs `Authorization: Bearer <that token>` (401 otherwise); unset, it is open, for a
 * scraper on a private network.
 */
export function metricsRoutes(deps: HttpDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/metrics", async (c) => {
    const expected = deps.metricsToken;
    if (expected) {
      const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
      if (!match || !sameSecret(match[1], expected)) {
        c.header("WWW-Authenticate", 'Bearer realm="whistle-metrics"');
        const message = "Send the metrics token as 'Authorization: Bearer <WHISTLE_METRICS_TOKEN>'";
        return c.json(
          errorBody("unauthorized", message, [{ field: "authorization", message }]),
          401,
        );
      }
    }
    const text = await deps.metrics.text();
    return c.body(text, 200, { "Content-Type": deps.metrics.contentType });
  });
  return app;
}
