import type { Queryable } from "../db/database.ts";
import type { AuditFilter } from "./audit_filter.ts";
import { DECISION_CSV_HEADER, decisionCsvRow } from "./decision_csv.ts";
import type { LoggedDecision } from "./decision_entry.ts";
import { decisionJson } from "./decision_json.ts";
import { decisionPages } from "./decision_pages.ts";
import { maskDecision } from "./mask_decision.ts";

/** How to export. */
export interface ExportOptions {
  /** `csv` (RFC 4180, CRLF, a header row) or `jsonl` (one JSON entry per line, LF). */
  format: "csv" | "jsonl";
  /** Mask personal data in `facts` and `outcome` (see `maskPersonalData`). */
  mask: boolean;
  /** CSV only: start with a UTF-8 byte order mark so that Excel reads Chinese text as UTF-8. */
  bom?: boolean;
  /** Entries per database query, which bounds memory (default 500). */
  pageSize?: number;
  /** Start after this `seq` (resume an interrupted export). */
  afterSeq?: number;
}

const encoder = new TextEncoder();

/**
 * Streams every entry matching `filter`, oldest first, as CSV or JSONL bytes. The log is read
 * page by page (keyset by `seq`, `pageSize` rows per query) only as fast as the consumer reads,
 * so an export of millions of rows holds about two pages in memory and stops querying when the
 * reader goes away. The export ends at the log's head as it was when it started, so rows
 * appended meanwhile do not make it run forever.
 *
 * Resolves once the head is read, before any row: a database that cannot be reached fails
 * here, while an error can still become a proper HTTP status. A failure later ends the stream
 * with an error (the HTTP body is cut off, which clients see as an incomplete transfer).
 *
 * @example
 * ```ts ignore
 * const body = await exportDecisions(db, { kind: "publish" }, { format: "csv", mask: true });
 * return new Response(body, { headers: { "content-type": "text/csv; charset=utf-8" } });
 * ```
 */
export async function exportDecisions(
  db: Queryable,
  filter: AuditFilter,
  options: ExportOptions,
): Promise<ReadableStream<Uint8Array>> {
  const head = await db.selectFrom("decision_log").select("seq").orderBy("seq", "desc").limit(1)
    .executeTakeFirst();
  const upTo = Math.min(head ? Number(head.seq) : 0, filter.up_to_seq ?? Infinity);
  const pages = decisionPages(db, { ...filter, up_to_seq: upTo }, {
    pageSize: options.pageSize ?? 500,
    afterSeq: options.afterSeq,
  });
  const csv = options.format === "csv";
  const line = (entry: LoggedDecision) => {
    const shown = options.mask ? maskDecision(entry) : entry;
    return csv ? decisionCsvRow(shown) : `${JSON.stringify(decisionJson(shown))}\n`;
  };
  let prefix = csv ? `${options.bom ? "\uFEFF" : ""}${DECISION_CSV_HEADER}` : "";
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pages.next();
      let text = prefix;
      prefix = "";
      if (!next.done) { for (const entry of next.value) text += line(entry); }
      if (text) controller.enqueue(encoder.encode(text));
      if (next.done) controller.close();
    },
    async cancel() {
      await pages.return();
    },
  }, { highWaterMark: 1 });
}
