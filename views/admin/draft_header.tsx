/** @jsxImportSource hono/jsx */
import type { Finding } from "../../src/rulesets/finding.ts";
import type { RulesetDraftMeta } from "../../src/rulesets/ruleset_draft_repository.ts";
import { FindingsBadge } from "./findings_list.tsx";
import { beijingDateTime } from "./format.ts";
import type { ViewContext } from "./view_context.ts";

/** The tabs of a draft. */
export type DraftTab = "summary" | "matter_types" | "rules" | "simulate" | "publish";

/** The short form of a draft id shown to people (the first 8 characters). */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** The URL of a draft's tab. */
export function draftHref(id: string, tab: DraftTab = "summary"): string {
  const suffix = {
    summary: "",
    matter_types: "/matter-types",
    rules: "/rules",
    simulate: "/simulations",
    publish: "/publish",
  }[tab];
  return `/admin/drafts/${id}${suffix}`;
}

/** A draft's title, state, validation badge and tabs. */
export function DraftHeader(
  props: {
    ctx: ViewContext;
    draft: RulesetDraftMeta;
    findings: readonly Finding[];
    activeVersion: number;
    tab: DraftTab;
  },
) {
  const { ctx, draft } = props;
  const open = draft.status === "open";
  const tabs: { tab: DraftTab; label: Parameters<ViewContext["t"]>[0] }[] = [
    { tab: "summary", label: "tab_summary" },
    { tab: "matter_types", label: "tab_matter_types" },
    { tab: "rules", label: "tab_rules" },
    { tab: "simulate", label: "tab_simulate" },
    ...(open ? [{ tab: "publish" as const, label: "tab_publish" as const }] : []),
  ];
  return (
    <>
      <h1>
        {ctx.t("draft_title", { id: shortId(draft.id) })}{" "}
        <span class={`badge ${open ? "accent" : ""}`}>
          {open
            ? ctx.t("draft_status_open")
            : ctx.t("draft_status_published", { version: draft.published_version ?? "?" })}
        </span>{" "}
        <FindingsBadge ctx={ctx} findings={props.findings} id="draft-findings-badge" />
      </h1>
      <p class="muted">
        {draft.note && (
          <>
            <strong>{draft.note}</strong>
            {" · "}
          </>
        )}
        {draft.base_version === null
          ? ctx.t("draft_base_none")
          : ctx.t("draft_base", { version: draft.base_version })} · {ctx.t("draft_meta", {
            author: draft.author,
            revision: draft.revision,
            when: beijingDateTime(draft.updated_at),
          })}
      </p>
      {open && draft.base_version !== null && draft.base_version !== props.activeVersion && (
        <p class="note">
          {ctx.t("draft_stale", { base: draft.base_version, active: props.activeVersion })}
        </p>
      )}
      {!open && <p class="note">{ctx.t("draft_published_note")}</p>}
      <nav class="tabs" aria-label="draft">
        {tabs.map((item) => (
          <a
            href={draftHref(draft.id, item.tab)}
            aria-current={item.tab === props.tab ? "page" : undefined}
          >
            {ctx.t(item.label)}
          </a>
        ))}
      </nav>
    </>
  );
}
