import { Hono } from "hono";
import type { AppEnv } from "./app_env.ts";
import type { HttpDeps } from "./http_deps.ts";

/**
 * `GET /healthz`: the process is alive. `GET /readyz`: it can take traffic now (database
 * reachable, intake accepting); 503 with the failing checks named otherwise, so a load balancer
 * sends requests elsewhere until it recovers.
 */
export function healthRoutes(deps: HttpDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const report = await deps.readiness();
    return c.json(
      {
        status: report.ready ? "ready" : "not_ready",
        checks: report.checks,
        // Problems that do not stop traffic (e.g. a year without a holiday calendar).
        ...(report.warnings && Object.keys(report.warnings).length
          ? { warnings: report.warnings }
          : {}),
      },
      report.ready ? 200 : 503,
    );
  });
  return app;
}
