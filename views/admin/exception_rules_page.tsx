/** @jsxImportSource hono/jsx */
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import type { Finding } from "../../src/rulesets/finding.ts";
import type { RulesetDraftMeta } from "../../src/rulesets/ruleset_draft_repository.ts";
import { ConditionsView, EventView } from "./conditions_view.tsx";
import { DraftHeader } from "./draft_header.tsx";
import { FindingsList } from "./findings_list.tsx";
import { CsrfField, Layout } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";

/** The exception rules of the active version (read only) or of a draft. */
export function ExceptionRulesPage(
  props: {
    ctx: ViewContext;
    document: RulesetDocument;
    draft: { meta: RulesetDraftMeta; findings: readonly Finding[]; activeVersion: number } | null;
    findingsByRule: ReadonlyMap<string, readonly Finding[]>;
    editable: boolean;
    /** The active version's number (shown on its read-only list). */
    version: number;
  },
) {
  const { ctx, document, draft } = props;
  const base = draft ? `/admin/drafts/${draft.meta.id}/rules` : "/admin/rules";
  return (
    <Layout ctx={ctx} title={ctx.t("rules_title")} section={draft ? "drafts" : "rules"}>
      {draft
        ? (
          <DraftHeader
            ctx={ctx}
            draft={draft.meta}
            findings={draft.findings}
            activeVersion={draft.activeVersion}
            tab="rules"
          />
        )
        : (
          <>
            <h1>
              {ctx.t("rules_title")} <span class="badge">v{props.version}</span>
            </h1>
            <p class="muted">{ctx.t("read_only_note")}</p>
          </>
        )}
      <p class="muted">{ctx.t("rules_help")}</p>
      {props.editable && (
        <p>
          <a class="button primary" href={`${base}/new`}>{ctx.t("rule_new")}</a>
        </p>
      )}
      {document.exception_rules.length === 0 && <p class="muted">{ctx.t("rules_none")}</p>}
      <div class="table-wrap">
        <table id="rules-table">
          <thead>
            <tr>
              <th class="num">{ctx.t("rule_priority")}</th>
              <th>{ctx.t("rule_name")}</th>
              <th>{ctx.t("rule_conditions")}</th>
              <th>{ctx.t("rule_outcome")}</th>
              <th class="num">{props.editable ? ctx.t("actions") : ""}</th>
            </tr>
          </thead>
          {document.exception_rules.map((rule) => {
            const findings = props.findingsByRule.get(rule.name) ?? [];
            const hasError = findings.some((f) => f.severity === "error");
            const item = `${base}/${encodeURIComponent(rule.name)}`;
            return (
              <tbody id={`rule-${rule.name.replace(/[^A-Za-z0-9_-]/g, "_")}`}>
                <tr class={hasError ? "has-error" : undefined}>
                  <td class="num">{rule.priority ?? 1}</td>
                  <td>
                    <strong class="mono">{rule.name}</strong>
                    {rule.description && <div class="sub">{rule.description}</div>}
                  </td>
                  <td>
                    <ConditionsView ctx={ctx} condition={rule.conditions} />
                  </td>
                  <td>
                    <EventView ctx={ctx} event={rule.event} document={document} />
                  </td>
                  <td class="actions">
                    {props.editable && (
                      <>
                        <a class="button" href={`${item}/edit`}>{ctx.t("edit")}</a>{" "}
                        <form
                          method="post"
                          action={`${item}/delete`}
                          class="inline"
                          hx-post={`${item}/delete`}
                          hx-target="closest tbody"
                          hx-swap="outerHTML"
                          hx-confirm={ctx.t("confirm_remove", { item: rule.name })}
                        >
                          <CsrfField ctx={ctx} />
                          <button type="submit" class="danger">{ctx.t("remove")}</button>
                        </form>
                      </>
                    )}
                  </td>
                </tr>
                {findings.length > 0 && (
                  <tr class="findings">
                    <td colspan={5}>
                      <FindingsList ctx={ctx} findings={findings} where="field" />
                    </td>
                  </tr>
                )}
              </tbody>
            );
          })}
        </table>
      </div>
    </Layout>
  );
}
