/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { DraftPage } from "../../../views/admin/draft_page.tsx";
import { DraftsPage } from "../../../views/admin/drafts_page.tsx";
import { createDraft } from "../../rulesets/create_draft.ts";
import { discardDraft } from "../../rulesets/discard_draft.ts";
import { listDrafts } from "../../rulesets/ruleset_draft_repository.ts";
import { actorOf } from "./actor.ts";
import type { AdminDeps } from "./admin_deps.ts";
import type { AdminEnv } from "./admin_env.ts";
import { formText, isUuid, readForm } from "./admin_forms.ts";
import { loadDraftContext } from "./draft_context.ts";
import { setFlash } from "./flash.ts";
import { notFound, notOpen } from "./refuse.tsx";
import { requirePermission } from "./require_permission.ts";
import { html, seeOther, viewOf } from "./respond.ts";

/** Drafts: the list, starting one, its summary with findings, discarding it. */
export function draftsRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const read = requirePermission("read");
  const edit = requirePermission("edit_rules");

  app.get("/drafts", read, async (c) => {
    const drafts = await listDrafts(deps.db, { limit: 200 });
    return html(c, <DraftsPage ctx={viewOf(c)} drafts={drafts} />);
  });

  app.post("/drafts", edit, async (c) => {
    const form = await readForm(c);
    const created = await createDraft(deps.db, { from: "version" }, {
      note: formText(form, "note", 500),
      author: actorOf(c),
      now: deps.clock(),
    });
    if (!created.ok) return notFound(c);
    return seeOther(c, `/admin/drafts/${created.draft.id}/matter-types`);
  });

  app.get("/drafts/:id", read, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    return html(
      c,
      <DraftPage
        ctx={viewOf(c)}
        draft={draft.draft}
        findings={draft.findings}
        activeVersion={draft.activeVersion}
      />,
    );
  });

  app.post("/drafts/:id/discard", edit, async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) return notFound(c);
    const outcome = await discardDraft(deps.db, id);
    if (outcome === "not_found") return notFound(c);
    if (outcome === "published") return notOpen(c);
    setFlash(c, "ok", "draft_discarded");
    return seeOther(c, "/admin/drafts");
  });

  return app;
}
