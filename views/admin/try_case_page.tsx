/** @jsxImportSource hono/jsx */
import type { Decision } from "../../src/routing/decision.ts";
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import type { RulesetDraftMeta } from "../../src/rulesets/ruleset_draft_repository.ts";
import { ConditionsView } from "./conditions_view.tsx";
import { shortId } from "./draft_header.tsx";
import { beijingDateTime, localName } from "./format.ts";
import { Layout } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";

/** The facts typed into the form (as text). */
export interface TryFacts {
  ruleset: string;
  type: string;
  area_code: string;
  grid_code: string;
  urgency: "normal" | "urgent";
  channel: string;
  source: string;
  text: string;
  /** `YYYY-MM-DDTHH:mm`, Beijing time. */
  reported_at: string;
}

/** What came out: a decision with the facts the rules saw, or why there is none. */
export type TryOutcome =
  | { kind: "decision"; decision: Decision; facts: Record<string, unknown> }
  | { kind: "problem"; text: string }
  | null;

/** The decision and its explanation: owner, deadlines, reason, matched rules and why. */
export function TryResult(
  props: { ctx: ViewContext; outcome: TryOutcome; document: RulesetDocument },
) {
  const { ctx, outcome, document } = props;
  if (!outcome) return <div id="try-result"></div>;
  if (outcome.kind === "problem") {
    return (
      <div id="try-result">
        <p class="flash flash-error">{outcome.text}</p>
      </div>
    );
  }
  const { decision, facts } = outcome;
  const unit = (code: string | null) => {
    if (code === null) return "—";
    const found = document.units.find((u) => u.code === code);
    return found ? `${localName(found, ctx.lang)} (${code})` : code;
  };
  return (
    <div id="try-result">
      <section class="decision">
        <div class="label muted">{ctx.t("try_owner")}</div>
        <div class="owner" id="try-owner" data-owner={decision.owner}>{unit(decision.owner)}</div>
        {decision.fallback && <p class="note">{ctx.t("try_fallback")}</p>}
        <dl class="facts">
          <dt>{ctx.t("try_list_owner")}</dt>
          <dd>{unit(decision.list_owner)}</dd>
          <dt>{ctx.t("try_priority")}</dt>
          <dd>{ctx.t(`urgency_${decision.priority}`)}</dd>
          <dt>{ctx.t("try_accept_by")}</dt>
          <dd>{beijingDateTime(decision.deadlines.accept_by)}</dd>
          <dt>{ctx.t("try_resolve_by")}</dt>
          <dd>{beijingDateTime(decision.deadlines.resolve_by)}</dd>
        </dl>
        <h3>{ctx.t("try_reason")}</h3>
        <p>{ctx.pick(decision.reason)}</p>
      </section>
      <h3>{ctx.t("try_matched")}</h3>
      {decision.matched_rules.length === 0
        ? <p class="muted">{ctx.t("try_matched_none")}</p>
        : (
          <table class="plain" id="try-matched">
            <thead>
              <tr>
                <th class="num">{ctx.t("rule_priority")}</th>
                <th>{ctx.t("rule_name")}</th>
                <th>{ctx.t("try_why")}</th>
              </tr>
            </thead>
            <tbody>
              {decision.matched_rules.map((matched) => {
                const rule = document.exception_rules.find((r) => r.name === matched.name);
                return (
                  <tr>
                    <td class="num">{matched.priority}</td>
                    <td>
                      <strong class="mono">{matched.name}</strong>
                      {rule?.description && <div class="sub">{rule.description}</div>}
                    </td>
                    <td>
                      {rule && (
                        <ConditionsView ctx={ctx} condition={rule.conditions} facts={facts} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
    </div>
  );
}

/** Try a case: the facts form (a GET form, so a result has a URL), and the result. */
export function TryCasePage(
  props: {
    ctx: ViewContext;
    values: TryFacts;
    document: RulesetDocument;
    activeVersion: number;
    drafts: readonly Pick<RulesetDraftMeta, "id" | "note">[];
    outcome: TryOutcome;
  },
) {
  const { ctx, values, document } = props;
  const field = (name: keyof TryFacts, label: string, extra: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input type="text" name={name} value={values[name]} {...extra} />
    </label>
  );
  return (
    <Layout ctx={ctx} title={ctx.t("try_title")} section="try">
      <h1>{ctx.t("try_title")}</h1>
      <p class="muted">{ctx.t("try_help")}</p>
      <form
        method="get"
        action="/admin/try"
        id="try-form"
        hx-get="/admin/try"
        hx-target="#try-result"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <div class="row">
          <label>
            {ctx.t("try_ruleset")}
            <select name="ruleset">
              <option value="active">
                {ctx.t("try_ruleset_active", { version: props.activeVersion })}
              </option>
              {props.drafts.map((draft) => (
                <option value={draft.id} selected={draft.id === values.ruleset}>
                  {ctx.t("try_ruleset_draft", { id: shortId(draft.id) })} {draft.note}
                </option>
              ))}
            </select>
          </label>
          <label class="grow">
            {ctx.t("try_type")}
            <select name="type" required>
              <option value="">—</option>
              {document.matter_types.map((mt) => (
                <option value={mt.code} selected={mt.code === values.type}>
                  {mt.code} {localName(mt, ctx.lang)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div class="row">
          {field("area_code", ctx.t("try_area"), { list: "try-areas", size: 14 })}
          {field("grid_code", ctx.t("try_grid"), { list: "try-grids", size: 16 })}
          <label>
            {ctx.t("try_urgency")}
            <select name="urgency">
              <option value="normal" selected={values.urgency === "normal"}>
                {ctx.t("urgency_normal")}
              </option>
              <option value="urgent" selected={values.urgency === "urgent"}>
                {ctx.t("urgency_urgent")}
              </option>
            </select>
          </label>
          {field("channel", ctx.t("try_channel"), { size: 10 })}
          {field("source", ctx.t("try_source"), { size: 12 })}
          <label>
            {ctx.t("try_reported_at")}
            <input type="datetime-local" name="reported_at" value={values.reported_at} />
          </label>
        </div>
        <label class="block">
          {ctx.t("try_text")}
          <textarea name="text" rows={3}>{values.text}</textarea>
        </label>
        <p>
          <button type="submit" class="primary">{ctx.t("try_submit")}</button>
        </p>
      </form>
      <datalist id="try-areas">
        {document.units.filter((u) => u.tier === "street" || u.tier === "community").map((u) => (
          <option value={u.code}>{localName(u, ctx.lang)}</option>
        ))}
      </datalist>
      <datalist id="try-grids">
        {document.units.filter((u) => u.tier === "grid").map((u) => (
          <option value={u.code}>{localName(u, ctx.lang)}</option>
        ))}
      </datalist>
      <TryResult ctx={ctx} outcome={props.outcome} document={document} />
    </Layout>
  );
}
