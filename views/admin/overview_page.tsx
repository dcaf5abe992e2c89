/** @jsxImportSource hono/jsx */
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import type { RulesetDraftMeta } from "../../src/rulesets/ruleset_draft_repository.ts";
import { draftHref, shortId } from "./draft_header.tsx";
import { beijingDateTime } from "./format.ts";
import { CsrfField, Layout } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";

/** What the overview shows. */
export interface OverviewView {
  active: {
    version: number;
    document: RulesetDocument;
    activatedAt: Date | null;
    activatedBy: string | null;
  };
  receivedToday: number;
  overdue: number;
  drafts: RulesetDraftMeta[];
}

/** The start page: the active version, today's intake, overdue cases, open drafts, shortcuts. */
export function OverviewPage(props: { ctx: ViewContext; view: OverviewView }) {
  const { ctx, view } = props;
  const { document } = view.active;
  return (
    <Layout ctx={ctx} title={ctx.t("overview_title")} section="overview">
      <h1>{ctx.t("overview_title")}</h1>
      <div class="cards">
        <section class="card">
          <div class="label">{ctx.t("overview_active")}</div>
          <div class="big">v{view.active.version}</div>
          <div>{document.name}</div>
          <div class="sub">
            {ctx.t("overview_counts", {
              units: document.units.length,
              types: document.matter_types.length,
              rules: document.exception_rules.length,
            })}
          </div>
          {view.active.activatedAt && (
            <div class="sub">
              {ctx.t("overview_active_line", {
                version: view.active.version,
                when: beijingDateTime(view.active.activatedAt),
                who: view.active.activatedBy ?? "",
              })}
            </div>
          )}
        </section>
        <section class="card">
          <div class="label">{ctx.t("overview_intake_today")}</div>
          <div class="big" id="received-today">{view.receivedToday}</div>
        </section>
        <section class={`card ${view.overdue > 0 ? "alert" : ""}`}>
          <div class="label">{ctx.t("overview_overdue")}</div>
          <div class="big" id="overdue">{view.overdue}</div>
          <div class="sub">{ctx.t("overview_overdue_help")}</div>
        </section>
      </div>

      <h2>{ctx.t("overview_open_drafts")}</h2>
      {view.drafts.length === 0
        ? <p class="muted">{ctx.t("overview_no_drafts")}</p>
        : (
          <table class="plain">
            <thead>
              <tr>
                <th>{ctx.t("col_id")}</th>
                <th>{ctx.t("draft_note")}</th>
                <th>{ctx.t("col_author")}</th>
                <th>{ctx.t("col_updated")}</th>
              </tr>
            </thead>
            <tbody>
              {view.drafts.map((draft) => (
                <tr>
                  <td class="code">
                    <a href={draftHref(draft.id)}>{shortId(draft.id)}</a>
                  </td>
                  <td>{draft.note}</td>
                  <td>{draft.author}</td>
                  <td>{beijingDateTime(draft.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      {ctx.can("edit_rules") && (
        <form method="post" action="/admin/drafts" class="row">
          <CsrfField ctx={ctx} />
          <label class="grow">
            {ctx.t("draft_note")}
            <input type="text" name="note" placeholder={ctx.t("draft_note_placeholder")} />
          </label>
          <button type="submit" class="primary">{ctx.t("draft_new")}</button>
        </form>
      )}

      <h2>{ctx.t("overview_links")}</h2>
      <p class="row">
        <a class="button" href="/admin/matter-types">{ctx.t("nav_matter_types")}</a>
        <a class="button" href="/admin/rules">{ctx.t("nav_rules")}</a>
        <a class="button" href="/admin/units">{ctx.t("nav_units")}</a>
        <a class="button" href="/admin/versions">{ctx.t("nav_versions")}</a>
        <a class="button" href="/admin/try">{ctx.t("nav_try")}</a>
        <a class="button" href="/docs">API</a>
      </p>
    </Layout>
  );
}
