/** @jsxImportSource hono/jsx */
import type { Finding } from "../../src/rulesets/finding.ts";
import type { RulesetDraftMeta } from "../../src/rulesets/ruleset_draft_repository.ts";
import { DraftHeader, draftHref } from "./draft_header.tsx";
import { findingWhere } from "./findings_list.tsx";
import { CsrfField, Layout } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";

/** Where to fix a finding: the matter type's row or the rule's editor, when it names one. */
export function findingLink(draftId: string, finding: Finding): string | null {
  if (finding.item === "" || finding.item.startsWith("#")) return null;
  if (finding.file === "matter_types.json") {
    return `${draftHref(draftId, "matter_types")}?q=${encodeURIComponent(finding.item)}`;
  }
  if (finding.file === "exception_rules.json") {
    return `${draftHref(draftId, "rules")}/${encodeURIComponent(finding.item)}/edit`;
  }
  return null;
}

/** A draft's summary: every finding (linked to where it is fixed), and what to do next. */
export function DraftPage(
  props: {
    ctx: ViewContext;
    draft: RulesetDraftMeta;
    findings: readonly Finding[];
    activeVersion: number;
  },
) {
  const { ctx, draft, findings } = props;
  const open = draft.status === "open";
  const sorted = [...findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1
  );
  return (
    <Layout ctx={ctx} title={ctx.t("draft_title", { id: draft.id.slice(0, 8) })} section="drafts">
      <DraftHeader
        ctx={ctx}
        draft={draft}
        findings={findings}
        activeVersion={props.activeVersion}
        tab="summary"
      />
      <h2>{ctx.t("findings_title")}</h2>
      {sorted.length === 0
        ? <p class="check-ok">{ctx.t("findings_none")}</p>
        : (
          <table class="plain" id="draft-findings">
            <thead>
              <tr>
                <th>{ctx.t("col_status")}</th>
                <th>{ctx.t("diff_field")}</th>
                <th>{ctx.t("rule_description")}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((finding) => {
                const link = findingLink(draft.id, finding);
                return (
                  <tr>
                    <td>
                      <span class={`sev sev-${finding.severity}`}>
                        {ctx.t(`severity_${finding.severity}`)}
                      </span>
                    </td>
                    <td class="code">
                      {link ? <a href={link}>{findingWhere(finding)}</a> : findingWhere(finding)}
                    </td>
                    <td>{ctx.pick(finding.message)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      {sorted.some((f) =>
        f.severity === "error"
      ) && <p class="note">{ctx.t("findings_block_publish")}</p>}
      <p class="row">
        <a class="button" href={draftHref(draft.id, "matter_types")}>{ctx.t("tab_matter_types")}</a>
        <a class="button" href={draftHref(draft.id, "rules")}>{ctx.t("tab_rules")}</a>
        <a class="button" href={draftHref(draft.id, "simulate")}>{ctx.t("tab_simulate")}</a>
        <a class="button" href={`/admin/try?ruleset=${draft.id}`}>{ctx.t("nav_try")}</a>
        {open && ctx.can("edit_rules") && (
          <a class="button primary" href={draftHref(draft.id, "publish")}>
            {ctx.t("tab_publish")}
          </a>
        )}
      </p>
      {open && ctx.can("edit_rules") && (
        <form
          method="post"
          action={`/admin/drafts/${draft.id}/discard`}
          hx-post={`/admin/drafts/${draft.id}/discard`}
          hx-confirm={ctx.t("draft_discard_confirm")}
        >
          <CsrfField ctx={ctx} />
          <button type="submit" class="danger">{ctx.t("draft_discard")}</button>
        </form>
      )}
    </Layout>
  );
}
