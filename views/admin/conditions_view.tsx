/** @jsxImportSource hono/jsx */
import { FACTS } from "../../src/routing/facts.ts";
import type { RuleEvent, RulesetDocument } from "../../src/routing/ruleset.ts";
import { isMessageKey } from "../i18n/messages.ts";
import { localName } from "./format.ts";
import type { ViewContext } from "./view_context.ts";

/** An operator in words (`containsAnyText` → 文本包含任一词 / text contains any of). */
export function operatorLabel(ctx: ViewContext, operator: string): string {
  const key = `op_${operator}`;
  return isMessageKey(key) ? ctx.t(key) : operator;
}

/** A fact's meaning in the page language (for titles and option labels). */
export function factMeaning(ctx: ViewContext, fact: string): string {
  const definition = FACTS.find((f) => f.name === fact);
  return definition ? ctx.pick(definition) : fact;
}

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => String(v)).join("、");
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * A rule's conditions as a compact nested list; `facts`, when given, adds the value each fact
 * has in a case (for "why did this rule match").
 */
export function ConditionsView(
  props: { ctx: ViewContext; condition: unknown; facts?: Record<string, unknown> },
) {
  const { ctx } = props;
  const c = props.condition as Record<string, unknown> | null;
  if (!c || typeof c !== "object") return <code>{JSON.stringify(props.condition)}</code>;
  for (const group of ["all", "any"] as const) {
    if (Array.isArray(c[group])) {
      const items = c[group] as unknown[];
      return (
        <div class="cond-group">
          <span class="sub">{ctx.t(`cond_${group}`)}:</span>
          <ul class="tree">
            {items.map((item) => (
              <li>
                <ConditionsView ctx={ctx} condition={item} facts={props.facts} />
              </li>
            ))}
          </ul>
        </div>
      );
    }
  }
  if ("not" in c) {
    return (
      <div class="cond-group">
        <span class="sub">{ctx.t("cond_not")}:</span>
        <ConditionsView ctx={ctx} condition={c.not} facts={props.facts} />
      </div>
    );
  }
  if (typeof c.fact === "string") {
    const actual = props.facts?.[c.fact];
    return (
      <span>
        <code title={factMeaning(ctx, c.fact)}>{c.fact}</code>{" "}
        {operatorLabel(ctx, String(c.operator))} <strong>{valueText(c.value)}</strong>
        {props.facts && (
          <span class="sub">
            {` (${
              ctx.t("try_fact_value", {
                value: actual === undefined ? "—" : valueText(actual).slice(0, 80),
              })
            })`}
          </span>
        )}
      </span>
    );
  }
  return <code>{JSON.stringify(c)}</code>;
}

/** What a rule does when it matches, with unit names in the page language. */
export function EventView(
  props: { ctx: ViewContext; event: RuleEvent; document: RulesetDocument },
) {
  const { ctx, event, document } = props;
  const unitName = (code: unknown) => {
    const unit = document.units.find((u) => u.code === code);
    return unit ? `${localName(unit, ctx.lang)}` : String(code);
  };
  if (event.type === "assign") {
    return (
      <span>
        {ctx.t("rule_assign_line", { unit: unitName(event.params.owner) })}
        <div class="sub mono">{String(event.params.owner)}</div>
      </span>
    );
  }
  if (event.type === "raise_level") {
    return <span>{ctx.t("rule_raise_line", { levels: event.params?.levels ?? 1 })}</span>;
  }
  const params = event.params as { add?: string[]; remove?: string[] };
  return (
    <span>{ctx.t("rule_assist_line", { units: (params.add ?? []).map(unitName).join("、") })}</span>
  );
}
