/** @jsxImportSource hono/jsx */
/**
 * Publishing a draft (with a confirmation showing the diff), the version history with a diff
 * between any two versions, and rollback (re-activating a stored version). Both changes go
 * through the rulesets service (`publishDraft`, `republishVersion`): one transaction each, with
 * the decision-log entry.
 *
 * @module
 */

import { type Context, Hono } from "hono";
import { PublishPage } from "../../../views/admin/publish_page.tsx";
import {
  RollbackPage,
  type VersionDiff,
  VersionsPage,
} from "../../../views/admin/versions_page.tsx";
import { diffRulesets } from "../../rulesets/diff_rulesets.ts";
import { publishDraft } from "../../rulesets/publish_draft.ts";
import { republishVersion } from "../../rulesets/republish_version.ts";
import { findVersion, listVersions } from "../../rulesets/ruleset_version_queries.ts";
import { actorOf } from "./actor.ts";
import type { AdminDeps } from "./admin_deps.ts";
import type { AdminEnv } from "./admin_env.ts";
import { formText, readForm } from "./admin_forms.ts";
import { type DraftContext, loadDraftContext } from "./draft_context.ts";
import { setFlash } from "./flash.ts";
import { refreshRuleset } from "../refresh_ruleset.ts";
import { notFound, notOpen, refuse } from "./refuse.tsx";
import { requirePermission } from "./require_permission.ts";
import { html, seeOther, viewOf } from "./respond.ts";
import { reviewedFindings } from "./review_cache.ts";

type Ctx = Context<AdminEnv>;

/** Publish, version history, diff, rollback. */
export function publishRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const read = requirePermission("read");
  const edit = requirePermission("edit_rules");

  const publishPage = async (
    c: Ctx,
    draft: DraftContext,
    options: { note?: string; problem?: string | null; status?: 200 | 409 } = {},
  ) => {
    const active = deps.ruleset.current;
    const versions = await listVersions(deps.db);
    return html(
      c,
      <PublishPage
        ctx={viewOf(c)}
        draft={{ meta: draft.draft, findings: draft.findings, activeVersion: draft.activeVersion }}
        draftDocument={draft.draft.document}
        active={{ version: active.version, document: active.document }}
        nextVersion={(versions[0]?.version ?? 0) + 1}
        diff={diffRulesets(active.document, draft.draft.document)}
        note={options.note ?? draft.draft.note}
        problem={options.problem}
      />,
      options.status ?? 200,
    );
  };

  app.get("/drafts/:id/publish", edit, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    if (draft.draft.status !== "open") return notOpen(c);
    return await publishPage(c, draft);
  });

  app.post("/drafts/:id/publish", edit, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    const form = await readForm(c);
    const note = formText(form, "note", 500);
    const expected = Number(formText(form, "expected_active_version"));
    const outcome = await publishDraft(deps.db, draft.draft.id, {
      actor: actorOf(c),
      note,
      requestId: c.get("requestId") ?? null,
      now: deps.clock(),
    }, Number.isInteger(expected) && expected > 0 ? { expectedActiveVersion: expected } : {});
    const ctx = viewOf(c);
    switch (outcome.status) {
      case "published":
        await refreshRuleset(deps);
        setFlash(c, "ok", "published", { version: outcome.version.version });
        return seeOther(c, "/admin/versions");
      case "draft_not_found":
        return notFound(c);
      case "draft_not_open":
        return notOpen(c);
      case "invalid": {
        const findings = reviewedFindings(draft.draft.content_hash, draft.draft.document);
        return await publishPage(c, { ...draft, findings }, {
          note,
          problem: ctx.t("publish_blocked"),
          status: 409,
        });
      }
      case "stale":
        await refreshRuleset(deps);
        return await publishPage(c, { ...draft, activeVersion: deps.ruleset.current.version }, {
          note,
          problem: ctx.t("publish_stale", { version: outcome.active_version ?? "?" }),
          status: 409,
        });
      case "unchanged":
        return refuse(c, 409, "error_conflict_title", "publish_unchanged");
    }
  });

  app.get("/versions", read, async (c) => {
    const versions = await listVersions(deps.db);
    return html(c, <VersionsPage ctx={viewOf(c)} versions={versions} />);
  });

  app.get("/versions/diff", read, async (c) => {
    const from = Number(c.req.query("from"));
    const to = Number(c.req.query("to"));
    const compared = await versionDiff(deps, from, to);
    if (!compared) return notFound(c);
    const versions = await listVersions(deps.db);
    return html(c, <VersionsPage ctx={viewOf(c)} versions={versions} compared={compared} />);
  });

  app.get("/versions/:version/rollback", edit, async (c) => {
    const target = Number(c.req.param("version"));
    const compared = await versionDiff(deps, deps.ruleset.current.version, target);
    if (!compared) return notFound(c);
    if (target === deps.ruleset.current.version) {
      return refuse(c, 409, "error_conflict_title", "rollback_already", { version: target });
    }
    return html(c, <RollbackPage ctx={viewOf(c)} compared={compared} />);
  });

  app.post("/versions/:version/rollback", edit, async (c) => {
    const target = Number(c.req.param("version"));
    if (!Number.isInteger(target) || target < 1) return notFound(c);
    const form = await readForm(c);
    const outcome = await republishVersion(deps.db, target, {
      actor: actorOf(c),
      note: formText(form, "note", 500),
      requestId: c.get("requestId") ?? null,
      now: deps.clock(),
    });
    if (outcome.status === "version_not_found") return notFound(c);
    if (outcome.status === "already_active") {
      return refuse(c, 409, "error_conflict_title", "rollback_already", { version: target });
    }
    await refreshRuleset(deps);
    setFlash(c, "ok", "rolled_back", { version: target });
    return seeOther(c, "/admin/versions");
  });

  return app;
}

/** Two stored versions and their diff, or `undefined` when either does not exist. */
async function versionDiff(
  deps: AdminDeps,
  from: number,
  to: number,
): Promise<VersionDiff | undefined> {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1) return undefined;
  const [a, b] = await Promise.all([findVersion(deps.db, from), findVersion(deps.db, to)]);
  if (!a || !b) return undefined;
  return {
    from: { version: from, document: a.document },
    to: { version: to, document: b.document },
    diff: diffRulesets(a.document, b.document),
  };
}
