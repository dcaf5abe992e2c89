/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { OverviewPage } from "../../../views/admin/overview_page.tsx";
import { UnitsPage } from "../../../views/admin/units_page.tsx";
import { overviewCounts } from "../../reports/overview_counts.ts";
import { listDrafts } from "../../rulesets/ruleset_draft_repository.ts";
import { findActivation } from "../../rulesets/ruleset_version_queries.ts";
import type { AdminDeps } from "./admin_deps.ts";
import type { AdminEnv } from "./admin_env.ts";
import { requirePermission } from "./require_permission.ts";
import { html, viewOf } from "./respond.ts";

/** `GET /` (the overview) and `GET /units` (the unit tree of the active version). */
export function overviewRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const read = requirePermission("read");

  app.get("/", read, async (c) => {
    const active = deps.ruleset.current;
    const [counts, activation, drafts] = await Promise.all([
      overviewCounts(deps.db, deps.clock()),
      findActivation(deps.db),
      listDrafts(deps.db, { status: "open", limit: 50 }),
    ]);
    return html(
      c,
      <OverviewPage
        ctx={viewOf(c)}
        view={{
          active: {
            version: active.version,
            document: active.document,
            activatedAt: activation?.version === active.version ? activation.activated_at : null,
            activatedBy: activation?.version === active.version ? activation.activated_by : null,
          },
          receivedToday: counts.receivedToday,
          overdue: counts.overdue,
          drafts,
        }}
      />,
    );
  });

  app.get("/units", read, (c) => {
    const active = deps.ruleset.current;
    return html(
      c,
      <UnitsPage ctx={viewOf(c)} document={active.document} version={active.version} />,
    );
  });

  return app;
}
