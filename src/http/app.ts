import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { adminApp } from "./admin/admin_app.ts";
import { type AdminSettings, DEFAULT_ADMIN_SETTINGS } from "./admin/admin_settings.ts";
import { assetsRoutes } from "./admin/assets_routes.ts";
import { auditRoutes } from "./api/audit_routes.ts";
import { batchRoutes } from "./api/batch_routes.ts";
import { caseActionsRoutes } from "./api/case_actions_routes.ts";
import { casesRoutes } from "./api/cases_routes.ts";
import { decideRoutes } from "./api/decide_routes.ts";
import { rulesetsRoutes } from "./api/rulesets_routes.ts";
import type { AppEnv } from "./app_env.ts";
import { bearerAuth } from "./bearer_auth.ts";
import { errorBody } from "./error_body.ts";
import { errorHandler } from "./handle_error.ts";
import { healthRoutes } from "./health_routes.ts";
import type { HttpDeps } from "./http_deps.ts";
import { metricsRoutes } from "./metrics_routes.ts";
import { observeRequests } from "./observe_requests.ts";
import { open311Routes } from "./open311/open311_routes.ts";
import { mountOpenApi } from "./openapi_routes.ts";
import { validationHook } from "./validation_hook.ts";

/**
 * The whole HTTP surface: one sub-app per capability, joined with `app.route()`.
 * Tests drive it with `app.request()`; `deno task start` serves it.
 */
export function createApp(
  deps: HttpDeps,
  options: { admin?: AdminSettings } = {},
): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(requestId());
  app.use(observeRequests(deps.metrics, deps.logger));
  app.use(secureHeaders());
  app.onError(errorHandler(deps.logger));
  app.notFound((c) =>
    c.json(errorBody("not_found", `No route ${c.req.method} ${c.req.path}`), 404)
  );

  app.route("/", healthRoutes(deps));
  app.route("/", metricsRoutes(deps));
  app.route("/open311/v2", open311Routes(deps));
  // The browser admin (HTML, sessions, CSRF) and its static files.
  app.route("/admin", adminApp({ ...deps, settings: options.admin ?? DEFAULT_ADMIN_SETTINGS }));
  app.route("/assets", assetsRoutes());

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.use(
    bodyLimit({
      maxSize: deps.limits.maxBodyBytes,
      onError: (c) => {
        const message = `The body is larger than ${deps.limits.maxBodyBytes} bytes`;
        return c.json(errorBody("payload_too_large", message, [{ field: "body", message }]), 413);
      },
    }),
  );
  api.use(bearerAuth(deps.tokens));
  api.route("/", batchRoutes(deps));
  api.route("/", casesRoutes(deps));
  api.route("/", caseActionsRoutes(deps));
  api.route("/", decideRoutes(deps));
  api.route("/", rulesetsRoutes(deps));
  api.route("/", auditRoutes(deps));
  app.route("/api/v1", api);

  mountOpenApi(app);
  return app;
}
