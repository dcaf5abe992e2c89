/** @jsxImportSource hono/jsx */
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import type { CollectionDiff, RulesetDiff } from "../../src/rulesets/diff_rulesets.ts";
import { localName } from "./format.ts";
import type { MessageKey } from "../i18n/messages.ts";
import type { ViewContext } from "./view_context.ts";

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/** A diff between two rulesets, section by section: added, removed, and changed fields. */
export function DiffView(
  props: { ctx: ViewContext; diff: RulesetDiff; before: RulesetDocument; after: RulesetDocument },
) {
  const { ctx, diff, before, after } = props;
  if (diff.changes === 0) return <p class="muted">{ctx.t("diff_none")}</p>;
  const unitName = (code: unknown) => {
    const unit = after.units.find((u) => u.code === code) ??
      before.units.find((u) => u.code === code);
    return unit ? localName(unit, ctx.lang) : null;
  };
  const itemName = (section: string, key: string): string | null => {
    if (section === "units") return unitName(key);
    if (section === "matter_types") {
      const mt = after.matter_types.find((m) => m.code === key) ??
        before.matter_types.find((m) => m.code === key);
      return mt ? localName(mt, ctx.lang) : null;
    }
    return null;
  };
  const valueWithName = (field: string, value: unknown) => {
    const name = (field === "owner" || field === "parent") ? unitName(value) : null;
    return name ? `${name} (${show(value)})` : show(value);
  };
  const sections: { key: keyof RulesetDiff & string; label: MessageKey }[] = [
    { key: "matter_types", label: "diff_section_matter_types" },
    { key: "exception_rules", label: "diff_section_exception_rules" },
    { key: "units", label: "diff_section_units" },
    { key: "time_limit_classes", label: "diff_section_time_limit_classes" },
  ];
  return (
    <div class="diff" id="diff">
      <p>
        <strong>{ctx.t("diff_changes", { n: diff.changes })}</strong>
      </p>
      {diff.name && (
        <p>
          {ctx.t("diff_name")}: <del>{show(diff.name.before)}</del> →{" "}
          <ins>{show(diff.name.after)}</ins>
        </p>
      )}
      {diff.fallback_unit && (
        <p>
          {ctx.t("fallback_unit")}: <del>{valueWithName("owner", diff.fallback_unit.before)}</del>
          {" → "}
          <ins>{valueWithName("owner", diff.fallback_unit.after)}</ins>
        </p>
      )}
      {sections.map(({ key, label }) => {
        const part = diff[key] as CollectionDiff;
        if (part.added.length + part.removed.length + part.changed.length === 0) return null;
        return (
          <section>
            <h3>{ctx.t(label)}</h3>
            {part.added.length > 0 && (
              <p class="diff-added">
                + {ctx.t("diff_added")}:{" "}
                {part.added.map((k) => `${k}${itemName(key, k) ? ` ${itemName(key, k)}` : ""}`)
                  .join("、")}
              </p>
            )}
            {part.removed.length > 0 && (
              <p class="diff-removed">
                − {ctx.t("diff_removed")}:{" "}
                {part.removed.map((k) => `${k}${itemName(key, k) ? ` ${itemName(key, k)}` : ""}`)
                  .join("、")}
              </p>
            )}
            {part.changed.length > 0 && (
              <table class="plain">
                <thead>
                  <tr>
                    <th>{ctx.t("diff_changed")}</th>
                    <th>{ctx.t("diff_field")}</th>
                    <th>{ctx.t("diff_before")}</th>
                    <th>{ctx.t("diff_after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {part.changed.flatMap((change) =>
                    Object.entries(change.fields).map(([field, value], i) => (
                      <tr>
                        <td class="code">
                          {i === 0 && (
                            <>
                              {change.key}
                              {itemName(key, change.key) && (
                                <div class="sub">{itemName(key, change.key)}</div>
                              )}
                            </>
                          )}
                        </td>
                        <td class="code">{field}</td>
                        <td>
                          <del>{valueWithName(field, value.before)}</del>
                        </td>
                        <td>
                          <ins>{valueWithName(field, value.after)}</ins>
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
      {diff.exception_rules_reordered && <p class="note">{ctx.t("diff_reordered")}</p>}
    </div>
  );
}
