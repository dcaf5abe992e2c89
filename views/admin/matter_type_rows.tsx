/** @jsxImportSource hono/jsx */
/**
 * One matter type of the admission list as table rows (`<tbody>`), to show and to edit in place.
 * htmx swaps a row's `<tbody>` (outerHTML) when it is edited, saved or removed.
 *
 * @module
 */

import type { MatterType, RulesetDocument } from "../../src/routing/ruleset.ts";
import type { Finding } from "../../src/rulesets/finding.ts";
import { FindingsList } from "./findings_list.tsx";
import { durationWords, localName } from "./format.ts";
import { CsrfField } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";
import { isMessageKey } from "../i18n/messages.ts";

/** Columns of the admission-list table (with the actions column when editable). */
export const MATTER_TYPE_COLUMNS = 6;

/** The element id of a matter type's `<tbody>`. */
export function matterTypeRowId(code: string): string {
  return `mt-${code.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/** A category in words (the known ones translated; others as they are). */
export function categoryLabel(ctx: ViewContext, category: string): string {
  const key = `category_${category}`;
  return isMessageKey(key) ? ctx.t(key) : category;
}

/** Where a row's links and forms go. */
export interface RowUrls {
  /** The draft's admission list, e.g. `/admin/drafts/ID/matter-types`. */
  list: string;
  /** The list page to return to (with its search), for forms posted without JavaScript. */
  back: string;
}

function itemUrl(urls: RowUrls, code: string): string {
  return `${urls.list}/${encodeURIComponent(code)}`;
}

/** A matter type as a table row, with its findings under it. */
export function MatterTypeRow(
  props: {
    ctx: ViewContext;
    document: RulesetDocument;
    matterType: MatterType;
    findings: readonly Finding[];
    /** Set for an open draft the user may edit. */
    urls: RowUrls | null;
  },
) {
  const { ctx, matterType: mt, document } = props;
  const owner = document.units.find((unit) => unit.code === mt.owner);
  const limits = document.time_limit_classes[mt.time_limit_class];
  const hasError = props.findings.some((f) => f.severity === "error");
  const urls = props.urls;
  return (
    <tbody id={matterTypeRowId(mt.code)}>
      <tr class={hasError ? "has-error" : undefined}>
        <td class="code">{mt.code}</td>
        <td>
          {localName(mt, ctx.lang)}
          <div class="sub">{ctx.lang === "zh" ? mt.name_en : mt.name_zh}</div>
        </td>
        <td>{categoryLabel(ctx, mt.category)}</td>
        <td>
          {owner ? localName(owner, ctx.lang) : <span class="field-error">{mt.owner}</span>}
          <div class="sub mono">{mt.owner}</div>
        </td>
        <td>
          {limits
            ? localName(limits, ctx.lang)
            : <span class="field-error">{mt.time_limit_class}</span>}
          {limits && (
            <div class="sub">
              {ctx.t("mt_limits_line", {
                accept: durationWords(limits.normal.accept, ctx.lang),
                resolve: durationWords(limits.normal.resolve, ctx.lang),
              })}
            </div>
          )}
        </td>
        <td class="actions">
          {urls && (
            <>
              <a
                href={`${urls.list}${editQuery(urls.back, mt.code)}#${matterTypeRowId(mt.code)}`}
                hx-get={`${itemUrl(urls, mt.code)}/edit`}
                hx-target="closest tbody"
                hx-swap="outerHTML"
                class="button"
              >
                {ctx.t("edit")}
              </a>{" "}
              <form
                method="post"
                action={`${itemUrl(urls, mt.code)}/delete`}
                class="inline"
                hx-post={`${itemUrl(urls, mt.code)}/delete`}
                hx-target="closest tbody"
                hx-swap="outerHTML"
                hx-confirm={ctx.t("confirm_remove", { item: mt.code })}
              >
                <CsrfField ctx={ctx} />
                <input type="hidden" name="back" value={urls.back} />
                <button type="submit" class="danger">{ctx.t("remove")}</button>
              </form>
            </>
          )}
        </td>
      </tr>
      {props.findings.length > 0 && (
        <tr class="findings">
          <td colspan={MATTER_TYPE_COLUMNS}>
            <FindingsList ctx={ctx} findings={props.findings} where="field" />
          </td>
        </tr>
      )}
    </tbody>
  );
}

/** The list URL's query with `edit=CODE` added (the no-JavaScript way into edit mode). */
function editQuery(back: string, code: string): string {
  const query = new URLSearchParams(back.split("?")[1] ?? "");
  query.set("edit", code);
  return `?${query}`;
}

/** The values of the edit and add forms. */
export interface MatterTypeFormValues {
  code: string;
  name_zh: string;
  name_en: string;
  category: string;
  owner: string;
  time_limit_class: string;
}

/** A form value from a matter type. */
export function formValues(mt: MatterType): MatterTypeFormValues {
  return {
    code: mt.code,
    name_zh: mt.name_zh,
    name_en: mt.name_en,
    category: mt.category,
    owner: mt.owner,
    time_limit_class: mt.time_limit_class,
  };
}

/** The fields of a matter type (edit and add), marking fields that have findings. */
function MatterTypeFields(
  props: {
    ctx: ViewContext;
    document: RulesetDocument;
    values: MatterTypeFormValues;
    findings: readonly Finding[];
    withCode: boolean;
  },
) {
  const { ctx, values } = props;
  const bad = (field: string) =>
    props.findings.some((f) => f.severity === "error" && f.field.split(/[.[]/)[0] === field)
      ? "invalid"
      : undefined;
  return (
    <>
      {props.withCode && (
        <label>
          {ctx.t("mt_code")}
          <input
            type="text"
            name="code"
            value={values.code}
            size={12}
            required
            class={bad("code")}
          />
        </label>
      )}
      <label>
        {ctx.t("mt_name_zh")}
        <input type="text" name="name_zh" value={values.name_zh} size={18} class={bad("name_zh")} />
      </label>
      <label>
        {ctx.t("mt_name_en")}
        <input type="text" name="name_en" value={values.name_en} size={22} class={bad("name_en")} />
      </label>
      <label>
        {ctx.t("mt_category")}
        <input
          type="text"
          name="category"
          value={values.category}
          list="mt-categories"
          size={12}
          class={bad("category")}
        />
      </label>
      <label>
        {ctx.t("mt_owner")}
        <input
          type="text"
          name="owner"
          value={values.owner}
          list="mt-units"
          size={14}
          class={bad("owner")}
          autocomplete="off"
        />
      </label>
      <label>
        {ctx.t("mt_time_class")}
        <select name="time_limit_class" class={bad("time_limit_class")}>
          {Object.entries(props.document.time_limit_classes).map(([name, limits]) => (
            <option value={name} selected={name === values.time_limit_class}>
              {localName(limits, ctx.lang)}
            </option>
          ))}
          {!(values.time_limit_class in props.document.time_limit_classes) && (
            <option value={values.time_limit_class} selected>{values.time_limit_class}</option>
          )}
        </select>
      </label>
    </>
  );
}

/** A matter type's row in edit mode: a form spanning the row; findings under it. */
export function MatterTypeEditRow(
  props: {
    ctx: ViewContext;
    document: RulesetDocument;
    values: MatterTypeFormValues;
    findings: readonly Finding[];
    urls: RowUrls;
  },
) {
  const { ctx, values, urls } = props;
  const action = itemUrl(urls, values.code);
  return (
    <tbody id={matterTypeRowId(values.code)}>
      <tr class="editing">
        <td colspan={MATTER_TYPE_COLUMNS}>
          <form
            method="post"
            action={action}
            hx-post={action}
            hx-target="closest tbody"
            hx-swap="outerHTML"
            class="row tight"
          >
            <CsrfField ctx={ctx} />
            <input type="hidden" name="back" value={urls.back} />
            <strong class="mono">{values.code}</strong>
            <MatterTypeFields
              ctx={ctx}
              document={props.document}
              values={values}
              findings={props.findings}
              withCode={false}
            />
            <button type="submit" class="primary">{ctx.t("save")}</button>
            <a
              href={urls.back}
              hx-get={action}
              hx-target="closest tbody"
              hx-swap="outerHTML"
              class="button"
            >
              {ctx.t("cancel")}
            </a>
          </form>
          {props.findings.length > 0 && (
            <FindingsList ctx={ctx} findings={props.findings} where="field" />
          )}
        </td>
      </tr>
    </tbody>
  );
}

/** The form that adds a matter type to a draft. */
export function AddMatterTypeForm(
  props: {
    ctx: ViewContext;
    document: RulesetDocument;
    values: MatterTypeFormValues;
    findings: readonly Finding[];
    urls: RowUrls;
    problem?: string | null;
  },
) {
  const { ctx, urls } = props;
  return (
    <details id="mt-add" open={props.findings.length > 0 || Boolean(props.problem)}>
      <summary>{ctx.t("mt_add_title")}</summary>
      <form
        method="post"
        action={urls.list}
        hx-post={urls.list}
        hx-target="#mt-add"
        hx-swap="outerHTML"
        class="row tight"
      >
        <CsrfField ctx={ctx} />
        <input type="hidden" name="back" value={urls.back} />
        <MatterTypeFields
          ctx={ctx}
          document={props.document}
          values={props.values}
          findings={props.findings}
          withCode
        />
        <button type="submit" class="primary">{ctx.t("add")}</button>
      </form>
      {props.problem && <p class="field-error">{props.problem}</p>}
      {props.findings.length > 0 && (
        <FindingsList ctx={ctx} findings={props.findings} where="field" />
      )}
    </details>
  );
}

/** Suggestions for the owner and category fields (one copy per page). */
export function MatterTypeDatalists(props: { ctx: ViewContext; document: RulesetDocument }) {
  const categories = [...new Set(props.document.matter_types.map((mt) => mt.category))].sort();
  return (
    <>
      <datalist id="mt-units">
        {props.document.units.map((unit) => (
          <option value={unit.code}>{localName(unit, props.ctx.lang)}</option>
        ))}
      </datalist>
      <datalist id="mt-categories">
        {categories.map((category) => (
          <option value={category}>{categoryLabel(props.ctx, category)}</option>
        ))}
      </datalist>
    </>
  );
}
