/**
 * The browser admin under `/admin`: server-rendered pages (hono/jsx) made fast with htmx. One
 * sub-app per page group, joined here behind the admin's own security: a Content-Security-
 * Policy that allows only this origin, the session (cookie → database), CSRF checks on every
 * state-changing request, and a permission on every route (`requirePermission`).
 *
 * @module
 */

import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AdminDeps } from "./admin_deps.ts";
import type { AdminEnv } from "./admin_env.ts";
import { adminErrorHandler } from "./admin_errors.tsx";
import { csrfGuard } from "./csrf_guard.ts";
import { loadSession } from "./load_session.ts";
import { accessRoutes } from "./access_routes.tsx";
import { draftsRoutes } from "./drafts_routes.tsx";
import { exceptionRulesRoutes } from "./exception_rules_routes.tsx";
import { loginRoutes } from "./login_routes.tsx";
import { matterTypesRoutes } from "./matter_types_routes.tsx";
import { overviewRoutes } from "./overview_routes.tsx";
import { performanceRoutes } from "./performance_routes.tsx";
import { publishRoutes } from "./publish_routes.tsx";
import { simulationsRoutes } from "./simulations_routes.tsx";
import { tryCaseRoutes } from "./try_case_routes.tsx";
import { notFound } from "./refuse.tsx";
import { requirePermission } from "./require_permission.ts";

/** The admin app; `app.route("/admin", adminApp(deps))`. */
export function adminApp(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use(secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: "same-origin",
    crossOriginOpenerPolicy: "same-origin",
  }));
  app.use(loadSession(deps));
  app.use(csrfGuard(deps.settings));
  app.onError(adminErrorHandler(deps.logger));

  app.route("/", loginRoutes(deps));
  app.route("/", overviewRoutes(deps));
  app.route("/", matterTypesRoutes(deps));
  app.route("/", exceptionRulesRoutes(deps));
  app.route("/", draftsRoutes(deps));
  app.route("/", simulationsRoutes(deps));
  app.route("/", publishRoutes(deps));
  app.route("/", tryCaseRoutes(deps));
  app.route("/", accessRoutes(deps));
  app.route("/", performanceRoutes(deps));
  // Anything else under /admin: sign in first, then a 404 page.
  app.all("*", requirePermission("read"), (c) => notFound(c));
  return app;
}
