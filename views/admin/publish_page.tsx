/** @jsxImportSource hono/jsx */
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import type { RulesetDiff } from "../../src/rulesets/diff_rulesets.ts";
import type { Finding } from "../../src/rulesets/finding.ts";
import type { RulesetDraftMeta } from "../../src/rulesets/ruleset_draft_repository.ts";
import { DiffView } from "./diff_view.tsx";
import { DraftHeader } from "./draft_header.tsx";
import { FindingsList } from "./findings_list.tsx";
import { CsrfField, Layout } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";

/** The publish confirmation: the diff to the active version, errors that block, the button. */
export function PublishPage(
  props: {
    ctx: ViewContext;
    draft: { meta: RulesetDraftMeta; findings: readonly Finding[]; activeVersion: number };
    draftDocument: RulesetDocument;
    active: { version: number; document: RulesetDocument };
    nextVersion: number;
    diff: RulesetDiff;
    note: string;
    /** Why the last attempt was refused, if it was. */
    problem?: string | null;
  },
) {
  const { ctx, draft, diff } = props;
  const errors = draft.findings.filter((f) => f.severity === "error");
  const action = `/admin/drafts/${draft.meta.id}/publish`;
  return (
    <Layout ctx={ctx} title={ctx.t("publish_title")} section="drafts">
      <DraftHeader
        ctx={ctx}
        draft={draft.meta}
        findings={draft.findings}
        activeVersion={draft.activeVersion}
        tab="publish"
      />
      {props.problem && <p class="flash flash-error" role="alert">{props.problem}</p>}
      <h2>{ctx.t("publish_diff", { version: props.active.version })}</h2>
      <DiffView ctx={ctx} diff={diff} before={props.active.document} after={props.draftDocument} />
      {errors.length > 0
        ? (
          <>
            <p class="flash flash-error">{ctx.t("publish_blocked")}</p>
            <FindingsList ctx={ctx} findings={errors} />
          </>
        )
        : diff.changes === 0
        ? <p class="note">{ctx.t("publish_unchanged")}</p>
        : (
          <form method="post" action={action} id="publish-form">
            <CsrfField ctx={ctx} />
            <input
              type="hidden"
              name="expected_active_version"
              value={String(props.active.version)}
            />
            <p class="muted">{ctx.t("publish_help", { next: props.nextVersion })}</p>
            <div class="row">
              <label class="grow">
                {ctx.t("publish_note")}
                <input type="text" name="note" value={props.note} maxlength={500} />
              </label>
              <button type="submit" class="primary">{ctx.t("publish_confirm")}</button>
            </div>
          </form>
        )}
    </Layout>
  );
}
