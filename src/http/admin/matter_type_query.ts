/**
 * Searching, filtering and paging the admission list (100 matter types a page), shared by the
 * active version's list and a draft's.
 *
 * @module
 */

import type { PageInfo } from "../../../views/admin/pager.tsx";
import type { MatterType, RulesetDocument } from "../../routing/ruleset.ts";

/** Matter types per page. */
export const MATTER_TYPES_PER_PAGE = 100;

/** What the list shows. */
export interface MatterTypeQuery {
  /** Text searched in codes, names and owners. */
  q: string;
  category: string;
  owner: string;
  /** Only matter types with validation findings. */
  problems: boolean;
  page: number;
}

/** Reads the query from URL parameters (or a posted form's `back` URL). */
export function readMatterTypeQuery(params: URLSearchParams): MatterTypeQuery {
  const page = Number(params.get("page") ?? "1");
  return {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    category: (params.get("category") ?? "").slice(0, 100),
    owner: (params.get("owner") ?? "").slice(0, 100),
    problems: params.get("problems") === "1",
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/**
 * The query as URL parameters (empty ones left out), with some values replaced.
 *
 * @example
 * ```ts
 * import { matterTypeSearch } from "./matter_type_query.ts";
 * matterTypeSearch({ q: "老人", category: "", owner: "", problems: false, page: 1 }, { page: 2 });
 * // "?q=%E8%80%81%E4%BA%BA&page=2"
 * ```
 */
export function matterTypeSearch(
  query: MatterTypeQuery,
  change: Partial<MatterTypeQuery> = {},
): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  if (merged.category) params.set("category", merged.category);
  if (merged.owner) params.set("owner", merged.owner);
  if (merged.problems) params.set("problems", "1");
  if (merged.page > 1) params.set("page", String(merged.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The matter types the query selects, one page of them, and where that page is. A page past the
 * end shows the last page.
 */
export function selectMatterTypes(
  document: RulesetDocument,
  query: MatterTypeQuery,
  withFindings: ReadonlySet<string>,
): { items: MatterType[]; info: PageInfo } {
  const units = new Map(document.units.map((unit) => [unit.code, unit]));
  const needle = query.q.toLowerCase();
  const matches = document.matter_types.filter((mt) => {
    if (query.category && mt.category !== query.category) return false;
    if (query.owner && mt.owner !== query.owner) return false;
    if (query.problems && !withFindings.has(mt.code)) return false;
    if (!needle) return true;
    const owner = units.get(mt.owner);
    return [mt.code, mt.name_zh, mt.name_en, mt.owner, owner?.name_zh ?? "", owner?.name_en ?? ""]
      .some((text) => text.toLowerCase().includes(needle));
  });
  const pages = Math.max(1, Math.ceil(matches.length / MATTER_TYPES_PER_PAGE));
  const page = Math.min(query.page, pages);
  const start = (page - 1) * MATTER_TYPES_PER_PAGE;
  return {
    items: matches.slice(start, start + MATTER_TYPES_PER_PAGE),
    info: { page, pages, total: matches.length },
  };
}
