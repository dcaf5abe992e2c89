import type { Queryable } from "../db/database.ts";
import { type AuditFilter, whereAuditFilter } from "./audit_filter.ts";
import type { LoggedDecision } from "./decision_entry.ts";
import { toLoggedDecision } from "./to_logged_decision.ts";

/** How {@link decisionPages} walks the log. */
export interface DecisionPagesOptions {
  /** Start after this `seq` (default 0: from the beginning). */
  afterSeq?: number;
  /** Rows per query: what bounds memory. */
  pageSize: number;
  /** Stop early (the next page is not fetched). */
  signal?: AbortSignal;
}

/**
 * Every entry matching `filter`, oldest first, as pages of at most `pageSize` entries, each
 * fetched by one keyset query (`seq > last ORDER BY seq LIMIT pageSize`), so millions of rows are
 * walked in bounded memory and each query is short (no cursor or transaction held open). The
 * next page is fetched while the caller handles the current one: at most two pages are held.
 *
 * @example
 * ```ts ignore
 * for await (const page of decisionPages(db, { kind: "route" }, { pageSize: 1000 })) {
 *   for (const entry of page) count++;
 * }
 * ```
 */
export async function* decisionPages(
  db: Queryable,
  filter: AuditFilter,
  options: DecisionPagesOptions,
): AsyncGenerator<LoggedDecision[], void, undefined> {
  const fetchAfter = async (after: number) =>
    (await whereAuditFilter(db.selectFrom("decision_log").selectAll(), filter)
      .where("seq", ">", after)
      .orderBy("seq")
      .limit(options.pageSize)
      .execute()).map(toLoggedDecision);
  let pending = fetchAfter(options.afterSeq ?? 0);
  while (true) {
    const page = await pending;
    const more = page.length === options.pageSize && !options.signal?.aborted;
    if (more) {
      // The next page is read while the caller works on this one. Should the caller stop
      // early, that read's failure must not become an unhandled rejection.
      pending = fetchAfter(page[page.length - 1].seq);
      pending.catch(() => {});
    }
    if (page.length > 0) yield page;
    if (!more) return;
  }
}
