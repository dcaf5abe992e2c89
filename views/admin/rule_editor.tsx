/** @jsxImportSource hono/jsx */
import { BUILTIN_OPERATORS, CUSTOM_OPERATORS, FACTS } from "../../src/routing/facts.ts";
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import type { Finding } from "../../src/rulesets/finding.ts";
import type { RulesetDraftMeta } from "../../src/rulesets/ruleset_draft_repository.ts";
import type { FormProblem, RuleForm } from "./rule_form_model.ts";
import { operatorLabel } from "./conditions_view.tsx";
import { DraftHeader } from "./draft_header.tsx";
import { FindingsList } from "./findings_list.tsx";
import { CsrfField, Layout } from "./layout.tsx";
import { MatterTypeDatalists } from "./matter_type_rows.tsx";
import type { ViewContext } from "./view_context.ts";

const OPERATORS = [...BUILTIN_OPERATORS, ...CUSTOM_OPERATORS.map((o) => o.name)];

/** What the live check found: problems of the form itself, then the validators' findings. */
export function RuleCheck(
  props: { ctx: ViewContext; problems: readonly FormProblem[]; findings: readonly Finding[] },
) {
  const { ctx } = props;
  if (props.problems.length > 0) {
    return (
      <ul class="findings" id="rule-problems">
        {props.problems.map((problem) => (
          <li>
            <span class="sev sev-error">{ctx.t("severity_error")}</span>
            <span class="where">{problem.field}</span>
            {ctx.pick(problem.message)}
          </li>
        ))}
      </ul>
    );
  }
  const errors = props.findings.some((f) => f.severity === "error");
  return (
    <>
      {!errors && <p class="check-ok">✓ {ctx.t("rule_check_ok")}</p>}
      {props.findings.length > 0 && (
        <FindingsList ctx={ctx} findings={props.findings} where="field" />
      )}
    </>
  );
}

/** The editor: structured rows or raw JSON, with the live check under it. */
export function RuleEditor(
  props: {
    ctx: ViewContext;
    draftId: string;
    document: RulesetDocument;
    form: RuleForm;
    problems: readonly FormProblem[];
    findings: readonly Finding[];
  },
) {
  const { ctx, form } = props;
  const base = `/admin/drafts/${props.draftId}/rules`;
  const editorButton = (
    action: string,
    label: string,
    extra: { disabled?: boolean; pressed?: boolean } = {},
  ) => (
    <button
      type="submit"
      name="_action"
      value={action}
      formaction={`${base}/editor`}
      hx-post={`${base}/editor`}
      hx-target="#rule-editor"
      hx-swap="outerHTML"
      disabled={extra.disabled}
      aria-pressed={extra.pressed === undefined ? undefined : String(extra.pressed)}
    >
      {label}
    </button>
  );
  return (
    <div id="rule-editor">
      <form
        method="post"
        action={base}
        id="rule-form"
        hx-post={`${base}/check`}
        hx-trigger="change, keyup delay:700ms"
        hx-target="#rule-check"
        hx-swap="innerHTML"
      >
        <CsrfField ctx={ctx} />
        <input type="hidden" name="mode" value={form.mode} />
        <input type="hidden" name="original_name" value={form.originalName} />
        <input type="hidden" name="structured_blocked" value={form.structuredBlocked ? "1" : "0"} />
        <div class="toolbar">
          <span class="segmented" role="group">
            {editorButton("to_structured", ctx.t("rule_mode_structured"), {
              disabled: form.mode === "structured" || form.structuredBlocked,
              pressed: form.mode === "structured",
            })}
            {editorButton("to_json", ctx.t("rule_mode_json"), {
              disabled: form.mode === "json",
              pressed: form.mode === "json",
            })}
          </span>
          {form.mode === "json" && form.structuredBlocked && (
            <span class="muted small">{ctx.t("rule_nested_note")}</span>
          )}
        </div>
        {form.mode === "json"
          ? (
            <label class="block">
              {ctx.t("rule_json_label")}
              <textarea name="json" rows={20} spellcheck={false}>{form.json}</textarea>
            </label>
          )
          : <StructuredFields ctx={ctx} form={form} editorButton={editorButton} />}
        <div class="row">
          <button type="submit" class="primary">{ctx.t("save")}</button>
          <button
            type="submit"
            name="_action"
            value="check"
            formaction={`${base}/editor`}
            hx-post={`${base}/check`}
            hx-target="#rule-check"
            hx-swap="innerHTML"
          >
            {ctx.t("rule_check")}
          </button>
          <a class="button" href={base}>{ctx.t("cancel")}</a>
        </div>
      </form>
      <h3>{ctx.t("findings_title")}</h3>
      <div id="rule-check" aria-live="polite">
        <RuleCheck ctx={ctx} problems={props.problems} findings={props.findings} />
      </div>
      <MatterTypeDatalists ctx={ctx} document={props.document} />
    </div>
  );
}

function StructuredFields(
  props: {
    ctx: ViewContext;
    form: RuleForm;
    editorButton: (action: string, label: string) => unknown;
  },
) {
  const { ctx, form } = props;
  return (
    <>
      <div class="row">
        <label>
          {ctx.t("rule_name")}
          <input type="text" name="name" value={form.name} size={28} required />
        </label>
        <label>
          {ctx.t("rule_priority")}
          <input type="number" name="priority" value={form.priority} min={1} step={1} size={5} />
        </label>
        <label class="grow">
          {ctx.t("rule_description")}
          <input type="text" name="description" value={form.description} />
        </label>
      </div>
      <fieldset>
        <legend>{ctx.t("rule_conditions")}</legend>
        <label>
          {ctx.t("rule_group")}
          <select name="group">
            <option value="all" selected={form.group === "all"}>{ctx.t("rule_match_all")}</option>
            <option value="any" selected={form.group === "any"}>{ctx.t("rule_match_any")}</option>
          </select>
        </label>
        <table class="plain conditions">
          <thead>
            <tr>
              <th>{ctx.t("rule_fact")}</th>
              <th>{ctx.t("rule_operator")}</th>
              <th>{ctx.t("rule_value")}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {form.rows.map((row, i) => (
              <tr>
                <td>
                  <select name="fact" aria-label={ctx.t("rule_fact")}>
                    {FACTS.map((fact) => (
                      <option value={fact.name} selected={fact.name === row.fact}>
                        {fact.name} — {ctx.pick(fact)}
                      </option>
                    ))}
                    {!FACTS.some((f) => f.name === row.fact) && (
                      <option value={row.fact} selected>{row.fact}</option>
                    )}
                  </select>
                </td>
                <td>
                  <select name="operator" aria-label={ctx.t("rule_operator")}>
                    {OPERATORS.map((op) => (
                      <option value={op} selected={op === row.operator}>
                        {operatorLabel(ctx, op)} ({op})
                      </option>
                    ))}
                    {!OPERATORS.includes(row.operator) && (
                      <option value={row.operator} selected>{row.operator}</option>
                    )}
                  </select>
                </td>
                <td class="grow">
                  <input
                    type="text"
                    name="value"
                    value={row.value}
                    size={36}
                    aria-label={ctx.t("rule_value")}
                  />
                </td>
                <td>{props.editorButton(`remove_row:${i}`, "✕")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="row">
          {props.editorButton("add_row", `+ ${ctx.t("rule_add_condition")}`)}
          <span class="muted small">{ctx.t("rule_value_help")}</span>
        </p>
      </fieldset>
      <fieldset>
        <legend>{ctx.t("rule_event")}</legend>
        <div class="row">
          <label>
            {ctx.t("rule_outcome")}
            <select name="event_type">
              <option value="assign" selected={form.eventType === "assign"}>
                {ctx.t("rule_event_assign")}
              </option>
              <option value="raise_level" selected={form.eventType === "raise_level"}>
                {ctx.t("rule_event_raise")}
              </option>
              <option value="assist" selected={form.eventType === "assist"}>
                {ctx.t("rule_event_assist")}
              </option>
            </select>
          </label>
          <label>
            {ctx.t("rule_event_assign")}
            <input type="text" name="owner" value={form.owner} list="mt-units" size={16} />
          </label>
          <label>
            {ctx.t("rule_event_raise")}
            <input type="number" name="levels" value={form.levels} min={1} step={1} size={4} />
          </label>
          <label class="grow">
            {ctx.t("rule_event_assist")}
            <input type="text" name="assist" value={form.assist} />
          </label>
        </div>
      </fieldset>
    </>
  );
}

/** The editor page of one rule in a draft. */
export function RuleEditorPage(
  props: {
    ctx: ViewContext;
    draft: { meta: RulesetDraftMeta; findings: readonly Finding[]; activeVersion: number };
    document: RulesetDocument;
    form: RuleForm;
    problems: readonly FormProblem[];
    findings: readonly Finding[];
  },
) {
  const { ctx, form } = props;
  const title = form.originalName
    ? ctx.t("rule_edit_title", { name: form.originalName })
    : ctx.t("rule_new_title");
  return (
    <Layout ctx={ctx} title={title} section="drafts">
      <DraftHeader
        ctx={ctx}
        draft={props.draft.meta}
        findings={props.draft.findings}
        activeVersion={props.draft.activeVersion}
        tab="rules"
      />
      <h2>{title}</h2>
      <RuleEditor
        ctx={ctx}
        draftId={props.draft.meta.id}
        document={props.document}
        form={form}
        problems={props.problems}
        findings={props.findings}
      />
    </Layout>
  );
}
