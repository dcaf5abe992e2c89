import type { Queryable } from "../db/database.ts";
import { type AuditFilter, whereAuditFilter } from "./audit_filter.ts";
import type { LoggedDecision } from "./decision_entry.ts";
import { toLoggedDecision } from "./to_logged_decision.ts";

/** Which page: keyset pagination by `seq`. */
export interface DecisionPageRequest {
  /** Continue after this `seq` in the chosen order (from the previous page's `next_after_seq`). */
  after_seq?: number;
  /** Entries per page. */
  limit: number;
  /** `asc` (oldest first, the default) or `desc` (newest first). */
  order?: "asc" | "desc";
}

/** One page of a search. */
export interface DecisionPage {
  entries: LoggedDecision[];
  /** Pass as `after_seq` for the next page; `null` when this was the last one. */
  next_after_seq: number | null;
}

/**
 * One page of the decision log entries matching `filter`, in `seq` order. Keyset pagination:
 * the cost of a page does not grow with how deep into the log it is, and entries appended while
 * an auditor pages never shift or repeat (a seq is visible only after every smaller one is).
 *
 * @example
 * ```ts ignore
 * const first = await searchDecisions(db, { kind: "publish" }, { limit: 50 });
 * const second = await searchDecisions(db, { kind: "publish" }, {
 *   limit: 50,
 *   after_seq: first.next_after_seq ?? undefined,
 * });
 * ```
 */
export async function searchDecisions(
  db: Queryable,
  filter: AuditFilter,
  page: DecisionPageRequest,
): Promise<DecisionPage> {
  const desc = page.order === "desc";
  let query = whereAuditFilter(db.selectFrom("decision_log").selectAll(), filter);
  if (page.after_seq !== undefined) query = query.where("seq", desc ? "<" : ">", page.after_seq);
  const rows = await query.orderBy("seq", desc ? "desc" : "asc").limit(page.limit + 1).execute();
  const more = rows.length > page.limit;
  const entries = rows.slice(0, page.limit).map(toLoggedDecision);
  return { entries, next_after_seq: more ? entries[entries.length - 1].seq : null };
}
