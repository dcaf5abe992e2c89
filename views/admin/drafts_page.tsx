/** @jsxImportSource hono/jsx */
import type { RulesetDraftMeta } from "../../src/rulesets/ruleset_draft_repository.ts";
import { draftHref, shortId } from "./draft_header.tsx";
import { beijingDateTime } from "./format.ts";
import { CsrfField, Layout } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";

/** The form that starts a draft from the active version. */
export function NewDraftForm(props: { ctx: ViewContext }) {
  const { ctx } = props;
  return (
    <form method="post" action="/admin/drafts" class="row">
      <CsrfField ctx={ctx} />
      <label class="grow">
        {ctx.t("draft_note")}
        <input type="text" name="note" placeholder={ctx.t("draft_note_placeholder")} />
      </label>
      <button type="submit" class="primary">{ctx.t("draft_new")}</button>
    </form>
  );
}

/** Every draft, open and published, most recently changed first. */
export function DraftsPage(props: { ctx: ViewContext; drafts: RulesetDraftMeta[] }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("drafts_title")} section="drafts">
      <h1>{ctx.t("drafts_title")}</h1>
      <p class="muted">{ctx.t("drafts_help")}</p>
      {ctx.can("edit_rules") && <NewDraftForm ctx={ctx} />}
      <table class="plain">
        <thead>
          <tr>
            <th>{ctx.t("col_id")}</th>
            <th>{ctx.t("col_status")}</th>
            <th>{ctx.t("draft_note")}</th>
            <th>{ctx.t("col_author")}</th>
            <th>{ctx.t("col_updated")}</th>
          </tr>
        </thead>
        <tbody>
          {props.drafts.map((draft) => (
            <tr>
              <td class="code">
                <a href={draftHref(draft.id)}>{shortId(draft.id)}</a>
              </td>
              <td>
                {draft.status === "open"
                  ? <span class="badge accent">{ctx.t("draft_status_open")}</span>
                  : ctx.t("draft_status_published", { version: draft.published_version ?? "?" })}
              </td>
              <td>{draft.note}</td>
              <td>{draft.author}</td>
              <td>{beijingDateTime(draft.updated_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.drafts.length === 0 && <p class="muted">{ctx.t("overview_no_drafts")}</p>}
    </Layout>
  );
}
