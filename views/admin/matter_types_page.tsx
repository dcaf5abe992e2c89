/** @jsxImportSource hono/jsx */
import type { MatterType, RulesetDocument } from "../../src/routing/ruleset.ts";
import type { Finding } from "../../src/rulesets/finding.ts";
import type { RulesetDraftMeta } from "../../src/rulesets/ruleset_draft_repository.ts";
import { DraftHeader } from "./draft_header.tsx";
import { localName } from "./format.ts";
import { Layout } from "./layout.tsx";
import {
  AddMatterTypeForm,
  categoryLabel,
  MatterTypeDatalists,
  MatterTypeEditRow,
  type MatterTypeFormValues,
  MatterTypeRow,
  type RowUrls,
} from "./matter_type_rows.tsx";
import { type PageInfo, Pager } from "./pager.tsx";
import type { ViewContext } from "./view_context.ts";

/** The search of the list, as the page needs it. */
export interface MatterTypeFilter {
  q: string;
  category: string;
  owner: string;
  problems: boolean;
}

/** Everything the admission-list page shows. */
export interface MatterTypesView {
  document: RulesetDocument;
  /** The active version (read only), or a draft. */
  draft: { meta: RulesetDraftMeta; findings: readonly Finding[]; activeVersion: number } | null;
  activeVersion: number;
  filter: MatterTypeFilter;
  items: MatterType[];
  info: PageInfo;
  findingsByCode: ReadonlyMap<string, readonly Finding[]>;
  /** The list URL without query. */
  list: string;
  /** The list URL for another page. */
  pageHref: (page: number) => string;
  /** The current list URL with its query (where forms come back to). */
  back: string;
  /** Rows, forms and links to change things (an open draft and a user who may edit). */
  editable: boolean;
  /** A row in edit mode (no JavaScript), with the values and findings to show. */
  editing?: { values: MatterTypeFormValues; findings: readonly Finding[] } | null;
  /** The add form, with values and findings after a refused add. */
  adding?: { values: MatterTypeFormValues; findings: readonly Finding[]; problem: string | null };
}

const EMPTY: MatterTypeFormValues = {
  code: "",
  name_zh: "",
  name_en: "",
  category: "",
  owner: "",
  time_limit_class: "standard",
};

/** The count, the table and the pager: what a search swaps. */
export function MatterTypeResults(props: { ctx: ViewContext; view: MatterTypesView }) {
  const { ctx, view } = props;
  const urls: RowUrls | null = view.editable ? { list: view.list, back: view.back } : null;
  return (
    <div id="mt-results">
      <Pager ctx={ctx} info={view.info} href={view.pageHref} target="#mt-results" />
      <div class="table-wrap">
        <table id="mt-table">
          <thead>
            <tr>
              <th>{ctx.t("mt_code")}</th>
              <th>{ctx.t("mt_name")}</th>
              <th>{ctx.t("mt_category")}</th>
              <th>{ctx.t("mt_owner")}</th>
              <th>{ctx.t("mt_time_limits")}</th>
              <th class="num">{view.editable ? ctx.t("actions") : ""}</th>
            </tr>
          </thead>
          {view.items.map((mt) =>
            urls && view.editing && view.editing.values.code === mt.code
              ? (
                <MatterTypeEditRow
                  ctx={ctx}
                  document={view.document}
                  values={view.editing.values}
                  findings={view.editing.findings}
                  urls={urls}
                />
              )
              : (
                <MatterTypeRow
                  ctx={ctx}
                  document={view.document}
                  matterType={mt}
                  findings={view.findingsByCode.get(mt.code) ?? []}
                  urls={urls}
                />
              )
          )}
        </table>
      </div>
      {view.items.length === 0 && <p class="muted">{ctx.t("mt_none_found")}</p>}
      {view.info.pages > 1 && (
        <Pager ctx={ctx} info={view.info} href={view.pageHref} target="#mt-results" />
      )}
    </div>
  );
}

/** The admission list: search and filters, the table, and (in a draft) the add form. */
export function MatterTypesPage(props: { ctx: ViewContext; view: MatterTypesView }) {
  const { ctx, view } = props;
  const { filter, document } = view;
  const categories = [...new Set(document.matter_types.map((mt) => mt.category))].sort();
  const owners = [...new Set(document.matter_types.map((mt) => mt.owner))].sort();
  const unitName = (code: string) => {
    const unit = document.units.find((u) => u.code === code);
    return unit ? `${localName(unit, ctx.lang)} (${code})` : code;
  };
  return (
    <Layout ctx={ctx} title={ctx.t("mt_title")} section={view.draft ? "drafts" : "matter_types"}>
      {view.draft
        ? (
          <DraftHeader
            ctx={ctx}
            draft={view.draft.meta}
            findings={view.draft.findings}
            activeVersion={view.draft.activeVersion}
            tab="matter_types"
          />
        )
        : (
          <>
            <h1>
              {ctx.t("mt_title")} <span class="badge">v{view.activeVersion}</span>
            </h1>
            <p class="muted">{ctx.t("read_only_note")}</p>
          </>
        )}
      <form
        method="get"
        action={view.list}
        class="toolbar"
        role="search"
        hx-get={view.list}
        hx-target="#mt-results"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <label>
          {ctx.t("search")}
          <input
            type="search"
            name="q"
            value={filter.q}
            placeholder={ctx.t("mt_search_placeholder")}
            size={24}
            hx-get={view.list}
            hx-trigger="input changed delay:300ms, search"
            hx-include="closest form"
          />
        </label>
        <label>
          {ctx.t("mt_category")}
          <select name="category" hx-get={view.list} hx-include="closest form">
            <option value="">{ctx.t("mt_all_categories")}</option>
            {categories.map((category) => (
              <option value={category} selected={category === filter.category}>
                {categoryLabel(ctx, category)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {ctx.t("mt_owner")}
          <select name="owner" hx-get={view.list} hx-include="closest form">
            <option value="">{ctx.t("mt_all_owners")}</option>
            {owners.map((owner) => (
              <option value={owner} selected={owner === filter.owner}>{unitName(owner)}</option>
            ))}
          </select>
        </label>
        {view.draft && (
          <label class="checkbox">
            <span>
              <input
                type="checkbox"
                name="problems"
                value="1"
                checked={filter.problems}
                hx-get={view.list}
                hx-include="closest form"
              />{" "}
              {ctx.t("findings_title")}
            </span>
          </label>
        )}
        <button type="submit">{ctx.t("search")}</button>
      </form>
      <MatterTypeDatalists ctx={ctx} document={document} />
      <MatterTypeResults ctx={ctx} view={view} />
      {view.editable && (
        <AddMatterTypeForm
          ctx={ctx}
          document={document}
          values={view.adding?.values ?? EMPTY}
          findings={view.adding?.findings ?? []}
          problem={view.adding?.problem ?? null}
          urls={{ list: view.list, back: view.back }}
        />
      )}
    </Layout>
  );
}
