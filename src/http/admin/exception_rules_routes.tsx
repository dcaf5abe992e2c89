/** @jsxImportSource hono/jsx */
/**
 * Exception rules: the active version's list (read only), a draft's list, and the editor with
 * its structured and JSON modes. The live check and the save both use the rulesets validators
 * (the rule file's schema, then `reviewRuleset()` of the draft with the rule in it); the change
 * itself goes through `editDraft`.
 *
 * @module
 */

import { type Context, Hono } from "hono";
import { ExceptionRulesPage } from "../../../views/admin/exception_rules_page.tsx";
import { FindingsBadge } from "../../../views/admin/findings_list.tsx";
import { RuleCheck, RuleEditor, RuleEditorPage } from "../../../views/admin/rule_editor.tsx";
import type { ExceptionRule, RulesetDocument } from "../../routing/ruleset.ts";
import { editDraft } from "../../rulesets/edit_draft.ts";
import { editRulesetDocument } from "../../rulesets/edit_ruleset_document.ts";
import { type Finding, RULESET_FILES } from "../../rulesets/finding.ts";
import { reviewRuleset } from "../../rulesets/review_ruleset.ts";
import { exceptionRulesFileSchema } from "../../rulesets/ruleset_schema.ts";
import { zodIssuesToFindings } from "../../rulesets/zod_issues_to_findings.ts";
import { actorOf } from "./actor.ts";
import type { AdminDeps } from "./admin_deps.ts";
import type { AdminEnv } from "./admin_env.ts";
import { readForm } from "./admin_forms.ts";
import { type DraftContext, loadDraftContext } from "./draft_context.ts";
import { setFlash } from "./flash.ts";
import { notFound, notOpen } from "./refuse.tsx";
import { requirePermission } from "./require_permission.ts";
import { html, seeOther, viewOf, wantsFragment } from "./respond.ts";
import { findingsByItem, reviewedFindings } from "./review_cache.ts";
import {
  blankRuleForm,
  type FormProblem,
  readRuleForm,
  type RuleForm,
  ruleFromForm,
  ruleToForm,
} from "./rule_form.ts";

type Ctx = Context<AdminEnv>;

/** What checking a form found, and the rule when it has the right shape. */
interface Checked {
  problems: FormProblem[];
  findings: Finding[];
  rule: ExceptionRule | null;
}

/**
 * Checks the rule a form describes against the draft: form problems (broken JSON, text in a
 * number field), then the shape of an exception rule, then every finding about this rule once
 * it replaces (or joins) the draft's rules.
 */
function checkRuleForm(document: RulesetDocument, form: RuleForm): Checked {
  const { rule, problems } = ruleFromForm(form);
  if (problems.length > 0) return { problems, findings: [], rule: null };
  const named = rule as { name?: unknown };
  const name = typeof named?.name === "string" ? named.name : "";
  const parsed = exceptionRulesFileSchema.safeParse([rule]);
  if (!parsed.success) {
    return {
      problems: [],
      findings: zodIssuesToFindings(RULESET_FILES.exception_rules, [rule], parsed.error.issues),
      rule: null,
    };
  }
  const checked = parsed.data[0];
  if (name !== form.originalName && document.exception_rules.some((r) => r.name === name)) {
    const message = { zh: `已有名为 ${name} 的规则`, en: `a rule named ${name} exists already` };
    return { problems: [{ field: "name", message }], findings: [], rule: null };
  }
  let document2 = document;
  if (form.originalName && form.originalName !== name) {
    const removed = editRulesetDocument(document, {
      kind: "delete_exception_rule",
      name: form.originalName,
    });
    if (removed.ok) document2 = removed.document;
  }
  const edited = editRulesetDocument(document2, { kind: "put_exception_rule", rule: checked });
  const findings = edited.ok
    ? reviewRuleset(edited.document).filter((f) =>
      f.file === RULESET_FILES.exception_rules && f.item === checked.name
    )
    : [];
  return { problems: [], findings, rule: checked };
}

/** The rules routes (active version and drafts). */
export function exceptionRulesRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const read = requirePermission("read");
  const edit = requirePermission("edit_rules");

  app.get("/rules", read, (c) => {
    return html(
      c,
      <ExceptionRulesPage
        ctx={viewOf(c)}
        document={deps.ruleset.current.document}
        draft={null}
        findingsByRule={new Map()}
        editable={false}
        version={deps.ruleset.current.version}
      />,
    );
  });

  app.get("/drafts/:id/rules", read, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    const ctx = viewOf(c);
    return html(
      c,
      <ExceptionRulesPage
        ctx={ctx}
        document={draft.draft.document}
        draft={{ meta: draft.draft, findings: draft.findings, activeVersion: draft.activeVersion }}
        findingsByRule={findingsByItem(draft.findings, RULESET_FILES.exception_rules)}
        editable={draft.draft.status === "open" && ctx.can("edit_rules")}
        version={deps.ruleset.current.version}
      />,
    );
  });

  /** The editor page, for a new rule or an existing one. */
  const editorPage = (
    c: Ctx,
    draft: DraftContext,
    form: RuleForm,
    checked: Pick<Checked, "problems" | "findings">,
    status: 200 | 422 = 200,
  ) =>
    html(
      c,
      <RuleEditorPage
        ctx={viewOf(c)}
        draft={{ meta: draft.draft, findings: draft.findings, activeVersion: draft.activeVersion }}
        document={draft.draft.document}
        form={form}
        problems={checked.problems}
        findings={checked.findings}
      />,
      status,
    );

  app.get("/drafts/:id/rules/new", edit, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    if (draft.draft.status !== "open") return notOpen(c);
    return editorPage(c, draft, blankRuleForm(), { problems: [], findings: [] });
  });

  app.get("/drafts/:id/rules/:name/edit", edit, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    if (draft.draft.status !== "open") return notOpen(c);
    const rule = draft.draft.document.exception_rules.find((r) => r.name === c.req.param("name"));
    if (!rule) return notFound(c);
    const findings = findingsByItem(draft.findings, RULESET_FILES.exception_rules).get(rule.name);
    return editorPage(c, draft, ruleToForm(rule), { problems: [], findings: findings ?? [] });
  });

  /** Editor actions that change the form, not the draft: add/remove a row, switch the mode. */
  app.post("/drafts/:id/rules/editor", edit, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    const body = await readForm(c);
    let form = readRuleForm(body);
    const action = typeof body._action === "string" ? body._action : "";
    if (action === "add_row") {
      form = {
        ...form,
        rows: [...form.rows, { fact: "text", operator: "containsText", value: "" }],
      };
    } else if (action.startsWith("remove_row:")) {
      const index = Number(action.slice("remove_row:".length));
      form = { ...form, rows: form.rows.filter((_, i) => i !== index) };
    } else if (action === "to_json") {
      const { rule } = ruleFromForm(form);
      form = { ...form, mode: "json", json: JSON.stringify(rule, null, 2) };
    } else if (action === "to_structured") {
      const { rule, problems } = ruleFromForm(form);
      const parsed = problems.length === 0 ? exceptionRulesFileSchema.safeParse([rule]) : null;
      if (parsed?.success) {
        const structured = ruleToForm(parsed.data[0]);
        form = structured.mode === "structured"
          ? { ...structured, originalName: form.originalName }
          : { ...form, structuredBlocked: true };
      }
    }
    const checked = checkRuleForm(draft.draft.document, form);
    if (wantsFragment(c)) {
      return html(
        c,
        <RuleEditor
          ctx={viewOf(c)}
          draftId={draft.draft.id}
          document={draft.draft.document}
          form={form}
          problems={checked.problems}
          findings={checked.findings}
        />,
      );
    }
    return editorPage(c, draft, form, checked);
  });

  /** The live check (htmx, on every change). */
  app.post("/drafts/:id/rules/check", edit, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    const form = readRuleForm(await readForm(c));
    const checked = checkRuleForm(draft.draft.document, form);
    return html(
      c,
      <RuleCheck ctx={viewOf(c)} problems={checked.problems} findings={checked.findings} />,
    );
  });

  /** Saves the rule (new, changed or renamed) into the draft. */
  app.post("/drafts/:id/rules", edit, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    if (draft.draft.status !== "open") return notOpen(c);
    const form = readRuleForm(await readForm(c));
    const checked = checkRuleForm(draft.draft.document, form);
    if (!checked.rule) return editorPage(c, draft, form, checked, 422);
    const meta = { actor: actorOf(c), now: deps.clock() };
    const put = await editDraft(deps.db, draft.draft.id, {
      kind: "put_exception_rule",
      rule: checked.rule,
    }, meta);
    if (put.status === "draft_not_open") return notOpen(c);
    if (put.status === "invalid") {
      return editorPage(c, draft, form, { problems: [], findings: put.findings }, 422);
    }
    if (put.status !== "edited") return notFound(c);
    if (form.originalName && form.originalName !== checked.rule.name) {
      await editDraft(deps.db, draft.draft.id, {
        kind: "delete_exception_rule",
        name: form.originalName,
      }, meta);
    }
    setFlash(c, "ok", "rule_saved", { name: checked.rule.name });
    return seeOther(c, `/admin/drafts/${draft.draft.id}/rules`);
  });

  app.post("/drafts/:id/rules/:name/delete", edit, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    const name = c.req.param("name");
    const outcome = await editDraft(deps.db, draft.draft.id, {
      kind: "delete_exception_rule",
      name,
    }, { actor: actorOf(c), now: deps.clock() });
    if (outcome.status === "draft_not_open") return notOpen(c);
    if (outcome.status !== "edited") return notFound(c);
    if (!wantsFragment(c)) {
      setFlash(c, "ok", "rule_removed", { name });
      return seeOther(c, `/admin/drafts/${draft.draft.id}/rules`);
    }
    const findings = reviewedFindings(outcome.draft.content_hash, outcome.draft.document);
    return html(
      c,
      <FindingsBadge ctx={viewOf(c)} findings={findings} id="draft-findings-badge" oob />,
    );
  });

  return app;
}
