/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import {
  TryCasePage,
  type TryFacts,
  type TryOutcome,
  TryResult,
} from "../../../views/admin/try_case_page.tsx";
import { beijingTime } from "../../routing/beijing_time.ts";
import { type CompiledRuleset, compileRuleset } from "../../routing/compile_ruleset.ts";
import { decide } from "../../routing/decide.ts";
import type { CaseFacts } from "../../routing/facts.ts";
import { findDraft, listDrafts } from "../../rulesets/ruleset_draft_repository.ts";
import type { AdminDeps } from "./admin_deps.ts";
import type { AdminEnv } from "./admin_env.ts";
import { isUuid } from "./admin_forms.ts";
import { requirePermission } from "./require_permission.ts";
import { html, viewOf, wantsFragment } from "./respond.ts";

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `GET /try`: a dry run of `decide()` on facts typed into a form; nothing is stored. */
export function tryCaseRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get("/try", requirePermission("read"), async (c) => {
    const ctx = viewOf(c);
    const q = (name: string, max = 200) => (c.req.query(name) ?? "").trim().slice(0, max);
    const now = deps.clock();
    const values: TryFacts = {
      ruleset: q("ruleset") || "active",
      type: q("type"),
      area_code: q("area_code"),
      grid_code: q("grid_code"),
      urgency: q("urgency") === "urgent" ? "urgent" : "normal",
      channel: q("channel") || "hotline",
      source: q("source") || "admin-try",
      text: q("text", 4_000),
      reported_at: q("reported_at") ||
        new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16),
    };
    let ruleset: CompiledRuleset = deps.ruleset.current;
    if (values.ruleset !== "active" && isUuid(values.ruleset)) {
      const draft = await findDraft(deps.db, values.ruleset);
      if (draft) {
        try {
          ruleset = compileRuleset(draft.document, { version: 0, hash: draft.content_hash });
        } catch {
          // A draft that does not compile yet: try it against the active version instead.
          values.ruleset = "active";
        }
      } else {
        values.ruleset = "active";
      }
    }
    let outcome: TryOutcome = null;
    if (c.req.query("type") !== undefined) {
      const reportedAt = new Date(`${values.reported_at}:00+08:00`);
      if (!values.type) {
        outcome = { kind: "problem", text: ctx.t("try_unknown_type") };
      } else if (Number.isNaN(reportedAt.getTime())) {
        outcome = { kind: "problem", text: ctx.t("try_bad_time") };
      } else {
        const facts: CaseFacts = {
          type: values.type,
          ...(values.area_code ? { area_code: values.area_code } : {}),
          ...(values.grid_code ? { grid_code: values.grid_code } : {}),
          urgency: values.urgency,
          channel: values.channel,
          source: values.source,
          text: values.text,
          reported_at: reportedAt.toISOString(),
        };
        const decision = await decide(ruleset, facts, now);
        const time = beijingTime(facts.reported_at);
        outcome = {
          kind: "decision",
          decision,
          facts: {
            ...facts,
            category: ruleset.matterTypes.get(values.type)?.category,
            hour: time?.hour,
            weekday: time?.weekday,
          },
        };
      }
    }
    if (wantsFragment(c)) {
      return html(c, <TryResult ctx={ctx} outcome={outcome} document={ruleset.document} />);
    }
    const drafts = await listDrafts(deps.db, { status: "open", limit: 50 });
    return html(
      c,
      <TryCasePage
        ctx={ctx}
        values={values}
        document={ruleset.document}
        activeVersion={deps.ruleset.current.version}
        drafts={drafts}
        outcome={outcome}
      />,
    );
  });

  return app;
}
