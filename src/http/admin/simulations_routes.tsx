/** @jsxImportSource hono/jsx */
import { type Context, Hono } from "hono";
import { SimulationPanel } from "../../../views/admin/simulation_panel.tsx";
import { SimulationsPage } from "../../../views/admin/simulations_page.tsx";
import {
  failAbandonedSimulations,
  findSimulation,
  listSimulations,
  type Simulation,
} from "../../rulesets/simulation_repository.ts";
import { startSimulation } from "../../rulesets/start_simulation.ts";
import { actorOf } from "./actor.ts";
import type { AdminDeps } from "./admin_deps.ts";
import type { AdminEnv } from "./admin_env.ts";
import { formText, isUuid, readForm } from "./admin_forms.ts";
import { type DraftContext, loadDraftContext } from "./draft_context.ts";
import { notFound } from "./refuse.tsx";
import { requirePermission } from "./require_permission.ts";
import { html, seeOther, viewOf, wantsFragment } from "./respond.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A simulation that reported no progress for this long has lost its instance. */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;

/** A draft's simulations: start one (runs in the background), watch it, read its result. */
export function simulationsRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const read = requirePermission("read");
  const edit = requirePermission("edit_rules");

  const page = async (c: Context<AdminEnv>, draft: DraftContext, selected: Simulation | null) => {
    const simulations = await listSimulations(deps.db, draft.draft.id);
    return html(
      c,
      <SimulationsPage
        ctx={viewOf(c)}
        draft={{ meta: draft.draft, findings: draft.findings, activeVersion: draft.activeVersion }}
        documents={[draft.draft.document, deps.ruleset.current.document]}
        simulations={simulations}
        selected={selected ?? simulations[0] ?? null}
      />,
    );
  };

  const failAbandoned = async () => {
    const now = new Date();
    await failAbandonedSimulations(deps.db, new Date(now.getTime() - ABANDONED_AFTER_MS), now);
  };

  app.get("/drafts/:id/simulations", read, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    await failAbandoned();
    return await page(c, draft, null);
  });

  app.post("/drafts/:id/simulations", edit, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    const form = await readForm(c);
    const days = Math.min(366, Math.max(1, Math.floor(Number(formText(form, "days")) || 30)));
    const to = deps.clock();
    const from = new Date(to.getTime() - days * DAY_MS);
    const baseline = formText(form, "baseline") === "stored" ? "stored" : "active";
    const started = await startSimulation(deps.db, draft.draft.id, { from, to, baseline }, {
      actor: actorOf(c),
    });
    if (started.status !== "started") return notFound(c);
    return seeOther(c, `/admin/drafts/${draft.draft.id}/simulations/${started.simulation.id}`);
  });

  /** One simulation: the page, or (htmx polling) its panel. */
  app.get("/drafts/:id/simulations/:sid", read, async (c) => {
    const draft = await loadDraftContext(deps, c);
    const sid = c.req.param("sid");
    if (!draft || !isUuid(sid)) return notFound(c);
    await failAbandoned();
    const simulation = await findSimulation(deps.db, sid);
    if (!simulation || simulation.draft_id !== draft.draft.id) return notFound(c);
    if (wantsFragment(c)) {
      return html(
        c,
        <SimulationPanel
          ctx={viewOf(c)}
          simulation={simulation}
          documents={[draft.draft.document, deps.ruleset.current.document]}
          pollUrl={`/admin/drafts/${draft.draft.id}/simulations/${simulation.id}`}
          draftChanged={simulation.draft_hash !== draft.draft.content_hash}
        />,
      );
    }
    return await page(c, draft, simulation);
  });

  return app;
}
