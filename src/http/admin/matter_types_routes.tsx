/** @jsxImportSource hono/jsx */
/**
 * The admission list: the active version's (read only) and a draft's, searched, filtered and
 * paged; in an open draft each row is edited in place (htmx swaps the row), added and removed.
 * Every change goes through the rulesets service (`editDraft`), which keeps the draft's shape;
 * what it means (an owner that is no unit) shows as findings next to the row.
 *
 * @module
 */

import { type Context, Hono } from "hono";
import { FindingsBadge } from "../../../views/admin/findings_list.tsx";
import {
  AddMatterTypeForm,
  formValues,
  MatterTypeEditRow,
  type MatterTypeFormValues,
  MatterTypeRow,
} from "../../../views/admin/matter_type_rows.tsx";
import {
  MatterTypeResults,
  MatterTypesPage,
  type MatterTypesView,
} from "../../../views/admin/matter_types_page.tsx";
import type { MatterType, RulesetDocument } from "../../routing/ruleset.ts";
import { editDraft, type EditDraftOutcome } from "../../rulesets/edit_draft.ts";
import { type Finding, RULESET_FILES } from "../../rulesets/finding.ts";
import { matterTypesFileSchema } from "../../rulesets/ruleset_schema.ts";
import { zodIssuesToFindings } from "../../rulesets/zod_issues_to_findings.ts";
import type { AdminDeps } from "./admin_deps.ts";
import type { AdminEnv } from "./admin_env.ts";
import { formText, readForm } from "./admin_forms.ts";
import { type DraftContext, loadDraftContext } from "./draft_context.ts";
import { setFlash } from "./flash.ts";
import { actorOf } from "./actor.ts";
import { matterTypeSearch, readMatterTypeQuery, selectMatterTypes } from "./matter_type_query.ts";
import { notFound, notOpen } from "./refuse.tsx";
import { requirePermission } from "./require_permission.ts";
import { html, safeBack, seeOther, viewOf, wantsFragment } from "./respond.ts";
import { findingsByItem, reviewedFindings } from "./review_cache.ts";

type Ctx = Context<AdminEnv>;

const FIELDS = ["name_zh", "name_en", "category", "owner", "time_limit_class"] as const;

/** The admission-list routes (active version and drafts). */
export function matterTypesRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const read = requirePermission("read");
  const edit = requirePermission("edit_rules");

  /** The list page (or, for htmx, the results fragment). */
  const renderList = (
    c: Ctx,
    source: { document: RulesetDocument; draft: DraftContext | null },
    extra: Pick<MatterTypesView, "editing" | "adding"> = {},
    status: 200 | 422 = 200,
  ) => {
    const ctx = viewOf(c);
    const url = new URL(c.req.url);
    const query = readMatterTypeQuery(url.searchParams);
    const findings = source.draft?.findings ?? [];
    const byCode = findingsByItem(findings, RULESET_FILES.matter_types);
    const { items, info } = selectMatterTypes(source.document, query, new Set(byCode.keys()));
    const list = source.draft
      ? `/admin/drafts/${source.draft.draft.id}/matter-types`
      : "/admin/matter-types";
    const editing = extra.editing ?? editingFromQuery(url, source.document, byCode);
    const view: MatterTypesView = {
      document: source.document,
      draft: source.draft && {
        meta: source.draft.draft,
        findings,
        activeVersion: source.draft.activeVersion,
      },
      activeVersion: deps.ruleset.current.version,
      filter: query,
      items,
      info,
      findingsByCode: byCode,
      list,
      pageHref: (page) => `${list}${matterTypeSearch(query, { page })}`,
      back: `${list}${matterTypeSearch({ ...query, page: info.page })}`,
      editable: Boolean(source.draft?.draft.status === "open" && ctx.can("edit_rules")),
      editing: source.draft?.draft.status === "open" && ctx.can("edit_rules") ? editing : null,
      adding: extra.adding,
    };
    if (wantsFragment(c)) return html(c, <MatterTypeResults ctx={ctx} view={view} />, status);
    return html(c, <MatterTypesPage ctx={ctx} view={view} />, status);
  };

  app.get("/matter-types", read, (c) => {
    return renderList(c, { document: deps.ruleset.current.document, draft: null });
  });

  app.get("/drafts/:id/matter-types", read, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    return renderList(c, { document: draft.draft.document, draft });
  });

  /** One row (what Cancel brings back). */
  app.get("/drafts/:id/matter-types/:code", read, async (c) => {
    const draft = await loadDraftContext(deps, c);
    const code = c.req.param("code");
    const mt = draft?.draft.document.matter_types.find((m) => m.code === code);
    if (!draft || !mt) return notFound(c);
    if (!wantsFragment(c)) {
      return seeOther(
        c,
        `/admin/drafts/${draft.draft.id}/matter-types?q=${encodeURIComponent(code)}`,
      );
    }
    return rowResponse(c, draft, mt);
  });

  /** One row in edit mode. */
  app.get("/drafts/:id/matter-types/:code/edit", edit, async (c) => {
    const draft = await loadDraftContext(deps, c);
    const code = c.req.param("code");
    const mt = draft?.draft.document.matter_types.find((m) => m.code === code);
    if (!draft || !mt) return notFound(c);
    const list = `/admin/drafts/${draft.draft.id}/matter-types`;
    if (draft.draft.status !== "open") return notOpen(c);
    if (!wantsFragment(c)) {
      return seeOther(c, `${list}?edit=${encodeURIComponent(code)}&q=${encodeURIComponent(code)}`);
    }
    const ctx = viewOf(c);
    const byCode = findingsByItem(draft.findings, RULESET_FILES.matter_types);
    return html(
      c,
      <MatterTypeEditRow
        ctx={ctx}
        document={draft.draft.document}
        values={formValues(mt)}
        findings={byCode.get(code) ?? []}
        urls={{ list, back: backOf(c, list) }}
      />,
    );
  });

  /** Saves a row. */
  app.post("/drafts/:id/matter-types/:code", edit, async (c) => {
    const before = await loadDraftContext(deps, c);
    if (!before) return notFound(c);
    const code = c.req.param("code");
    const form = await readForm(c);
    const changes: Partial<Omit<MatterType, "code">> = {};
    for (const field of FIELDS) {
      if (field in form) changes[field] = formText(form, field, 500);
    }
    const list = `/admin/drafts/${before.draft.id}/matter-types`;
    const back = safeBack(form.back, list);
    const outcome = await editDraft(deps.db, before.draft.id, {
      kind: "patch_matter_type",
      code,
      changes,
    }, { actor: actorOf(c), now: deps.clock() });
    const refused = refusal(c, outcome);
    if (refused) return refused;
    if (outcome.status === "invalid") {
      const current = before.draft.document.matter_types.find((m) => m.code === code)!;
      const values = { ...formValues(current), ...changes } as MatterTypeFormValues;
      if (wantsFragment(c)) {
        return html(
          c,
          <MatterTypeEditRow
            ctx={viewOf(c)}
            document={before.draft.document}
            values={values}
            findings={outcome.findings}
            urls={{ list, back }}
          />,
          422,
        );
      }
      return renderList(
        c,
        { document: before.draft.document, draft: before },
        { editing: { values, findings: outcome.findings } },
        422,
      );
    }
    if (outcome.status !== "edited") throw new Error("unreachable");
    if (!wantsFragment(c)) return seeOther(c, back);
    const after: DraftContext = {
      ...before,
      draft: outcome.draft,
      findings: reviewedFindings(outcome.draft.content_hash, outcome.draft.document),
    };
    const mt = outcome.draft.document.matter_types.find((m) => m.code === code)!;
    return rowResponse(c, after, mt, back);
  });

  /** Adds a matter type. */
  app.post("/drafts/:id/matter-types", edit, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    const form = await readForm(c);
    const list = `/admin/drafts/${draft.draft.id}/matter-types`;
    const back = safeBack(form.back, list);
    const values: MatterTypeFormValues = {
      code: formText(form, "code", 100),
      name_zh: formText(form, "name_zh", 500),
      name_en: formText(form, "name_en", 500),
      category: formText(form, "category", 100),
      owner: formText(form, "owner", 100),
      time_limit_class: formText(form, "time_limit_class", 100),
    };
    const ctx = viewOf(c);
    const refuseAdd = (findings: Finding[], problem: string | null) => {
      if (wantsFragment(c)) {
        return html(
          c,
          <AddMatterTypeForm
            ctx={ctx}
            document={draft.draft.document}
            values={values}
            findings={findings}
            problem={problem}
            urls={{ list, back }}
          />,
          422,
        );
      }
      return renderList(c, { document: draft.draft.document, draft }, {
        adding: { values, findings, problem },
      }, 422);
    };
    if (draft.draft.document.matter_types.some((m) => m.code === values.code)) {
      return refuseAdd([], ctx.t("mt_exists", { code: values.code }));
    }
    const parsed = matterTypesFileSchema.safeParse([values]);
    if (!parsed.success) {
      return refuseAdd(
        zodIssuesToFindings(RULESET_FILES.matter_types, [values], parsed.error.issues),
        null,
      );
    }
    const outcome = await editDraft(deps.db, draft.draft.id, {
      kind: "put_matter_type",
      matterType: parsed.data[0],
    }, { actor: actorOf(c), now: deps.clock() });
    const refused = refusal(c, outcome);
    if (refused) return refused;
    if (outcome.status === "invalid") return refuseAdd(outcome.findings, null);
    return seeOther(c, `${list}?q=${encodeURIComponent(values.code)}`);
  });

  /** Removes a matter type. */
  app.post("/drafts/:id/matter-types/:code/delete", edit, async (c) => {
    const draft = await loadDraftContext(deps, c);
    if (!draft) return notFound(c);
    const code = c.req.param("code");
    const form = await readForm(c);
    const list = `/admin/drafts/${draft.draft.id}/matter-types`;
    const outcome = await editDraft(deps.db, draft.draft.id, {
      kind: "delete_matter_type",
      code,
    }, { actor: actorOf(c), now: deps.clock() });
    const refused = refusal(c, outcome);
    if (refused) return refused;
    if (outcome.status !== "edited") return notFound(c);
    if (!wantsFragment(c)) {
      setFlash(c, "ok", "mt_removed", { code });
      return seeOther(c, safeBack(form.back, list));
    }
    const findings = reviewedFindings(outcome.draft.content_hash, outcome.draft.document);
    return html(
      c,
      <FindingsBadge ctx={viewOf(c)} findings={findings} id="draft-findings-badge" oob />,
    );
  });

  return app;
}

/** A row with its findings, and the draft's findings badge updated out of band. */
function rowResponse(c: Ctx, draft: DraftContext, mt: MatterType, back?: string) {
  const ctx = viewOf(c);
  const list = `/admin/drafts/${draft.draft.id}/matter-types`;
  const byCode = findingsByItem(draft.findings, RULESET_FILES.matter_types);
  const editable = draft.draft.status === "open" && ctx.can("edit_rules");
  return html(
    c,
    <>
      <MatterTypeRow
        ctx={ctx}
        document={draft.draft.document}
        matterType={mt}
        findings={byCode.get(mt.code) ?? []}
        urls={editable ? { list, back: back ?? backOf(c, list) } : null}
      />
      <FindingsBadge ctx={ctx} findings={draft.findings} id="draft-findings-badge" oob />
    </>,
  );
}

/** The list page the browser shows (htmx sends it as `HX-Current-URL`). */
function backOf(c: Ctx, list: string): string {
  const current = c.req.header("hx-current-url");
  if (!current) return list;
  try {
    const url = new URL(current);
    return safeBack(url.pathname + url.search, list);
  } catch {
    return list;
  }
}

/** A row in edit mode when the list is opened with `?edit=CODE` (the no-JavaScript way). */
function editingFromQuery(
  url: URL,
  document: RulesetDocument,
  byCode: Map<string, Finding[]>,
): MatterTypesView["editing"] {
  const code = url.searchParams.get("edit");
  const mt = code ? document.matter_types.find((m) => m.code === code) : undefined;
  return mt ? { values: formValues(mt), findings: byCode.get(mt.code) ?? [] } : null;
}

/** The answer for an edit that could not be applied (no draft, published, no item). */
function refusal(c: Ctx, outcome: EditDraftOutcome) {
  switch (outcome.status) {
    case "draft_not_found":
    case "item_not_found":
      return notFound(c);
    case "draft_not_open":
      return notOpen(c);
    default:
      return null;
  }
}
