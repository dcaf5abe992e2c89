/** @jsxImportSource hono/jsx */
import type { Finding } from "../../src/rulesets/finding.ts";
import type { ViewContext } from "./view_context.ts";

/** Where a finding is: `file › item › field`. */
export function findingWhere(finding: Finding): string {
  return [finding.file, finding.item, finding.field].filter((part) => part !== "").join(" › ");
}

/** Findings as a list, errors first, each with its place and its message in the page language. */
export function FindingsList(
  props: { ctx: ViewContext; findings: readonly Finding[]; where?: "full" | "field" },
) {
  const { ctx } = props;
  const sorted = [...props.findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1
  );
  return (
    <ul class="findings">
      {sorted.map((finding) => (
        <li class={`finding-${finding.severity}`}>
          <span class={`sev sev-${finding.severity}`}>{ctx.t(`severity_${finding.severity}`)}</span>
          {props.where === "field"
            ? finding.field && <span class="where">{finding.field}</span>
            : <span class="where">{findingWhere(finding)}</span>}
          {ctx.pick(finding.message)}
        </li>
      ))}
    </ul>
  );
}

/** "2 errors, 1 warning" as a badge, red with errors, green when clean. */
export function FindingsBadge(
  props: { ctx: ViewContext; findings: readonly Finding[]; id?: string; oob?: boolean },
) {
  const errors = props.findings.filter((f) => f.severity === "error").length;
  const warnings = props.findings.length - errors;
  return (
    <span
      id={props.id}
      hx-swap-oob={props.oob ? "true" : undefined}
      class={`badge ${errors > 0 ? "err" : "ok"}`}
    >
      {props.findings.length === 0
        ? props.ctx.t("findings_none")
        : props.ctx.t("findings_summary", { errors, warnings })}
    </span>
  );
}
