/**
 * `/audit/...`: the decision log for auditors. Search (keyset pages by seq), one entry, replay,
 * streamed CSV/JSONL export, and hash-chain verification. Role `auditor` or `admin`; personal
 * data in facts and outcome is masked for every role but `admin`.
 *
 * @module
 */

import { createRoute, OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AuditFilter } from "../../audit/audit_filter.ts";
import type { LoggedDecision } from "../../audit/decision_entry.ts";
import { decisionJson } from "../../audit/decision_json.ts";
import { exportDecisions } from "../../audit/export_decisions.ts";
import { findDecision } from "../../audit/find_decision.ts";
import { maskDecision } from "../../audit/mask_decision.ts";
import { replayDecision } from "../../audit/replay_decision.ts";
import { revealsPersonalData } from "../../audit/reveals_personal_data.ts";
import { searchDecisions } from "../../audit/search_decisions.ts";
import { verifyChain } from "../../audit/verify_chain.ts";
import type { AppEnv } from "../app_env.ts";
import { errorBody, ErrorSchema } from "../error_body.ts";
import type { HttpDeps } from "../http_deps.ts";
import { requireRole } from "../require_role.ts";
import { validationHook } from "../validation_hook.ts";
import {
  AuditEntryAnswerSchema,
  AuditExportQuery,
  AuditFilterQuery,
  AuditPageSchema,
  AuditSearchQuery,
  AuditVerifyQuery,
  ReplaySchema,
  SeqParams,
  VerificationSchema,
} from "./audit_schemas.ts";

const TAG = "Audit";
const security = [{ bearer: [] }];

function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

const errors = {
  400: json(ErrorSchema, "A parameter is invalid (named in details)"),
  401: json(ErrorSchema, "No valid bearer token"),
  403: json(ErrorSchema, "The token's role is not auditor or admin"),
};
const notFound = json(ErrorSchema, "No entry with this seq");

const MASKING =
  "Personal data in `facts` and `outcome` (reporter names, phones, e-mails, ID numbers, " +
  "addresses, and phone numbers or ID numbers quoted in free text) is masked (`张*`, " +
  "`138****5678`) for every role but admin.";

const searchRoute = createRoute({
  method: "get",
  path: "/audit/decisions",
  tags: [TAG],
  summary: "Search the decision log",
  description:
    "Entries matching every given filter, in seq order, one page at a time (keyset: pass the " +
    "answer's `next_after_seq` as `after_seq`). `kind=publish` lists rule changes: each entry's " +
    `actor, and its outcome's version, previous_version, rollback flag and diff. ${MASKING}`,
  security,
  request: { query: AuditSearchQuery },
  responses: { 200: json(AuditPageSchema, "A page of entries"), ...errors },
});

const exportDescription = (format: string) =>
  `Every entry matching the filters, oldest first, streamed as ${format} while it is read from ` +
  "the database page by page (any size, bounded memory), up to the log's head when the export " +
  "started. `after_seq` resumes an interrupted export. An export cut off by an error ends " +
  "without its last line (curl: `transfer closed with outstanding read data`); resume it. " +
  MASKING;

const exportCsvRoute = createRoute({
  method: "get",
  path: "/audit/decisions.csv",
  tags: [TAG],
  summary: "Export the decision log as CSV",
  description: exportDescription(
    "CSV (RFC 4180: a header row, CRLF line ends, fields with commas, quotes or line breaks " +
      "quoted, quotes doubled; facts and outcome as JSON text; `bom=true` adds a UTF-8 byte " +
      "order mark for Excel)",
  ),
  security,
  request: { query: AuditExportQuery },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...errors,
  },
});

const exportJsonlRoute = createRoute({
  method: "get",
  path: "/audit/decisions.jsonl",
  tags: [TAG],
  summary: "Export the decision log as JSON Lines",
  description: exportDescription("JSON Lines (one AuditEntry per line, LF)"),
  security,
  request: { query: AuditFilterQuery.extend({ after_seq: AuditExportQuery.shape.after_seq }) },
  responses: {
    200: {
      description: "JSON Lines",
      content: { "application/x-ndjson": { schema: z.string() } },
    },
    ...errors,
  },
});

const entryRoute = createRoute({
  method: "get",
  path: "/audit/decisions/{seq}",
  tags: [TAG],
  summary: "One decision-log entry",
  description: MASKING,
  security,
  request: { params: SeqParams },
  responses: { 200: json(AuditEntryAnswerSchema, "The entry"), ...errors, 404: notFound },
});

const replayDoc = createRoute({
  method: "post",
  path: "/audit/decisions/{seq}:replay",
  tags: [TAG],
  summary: "Replay a routing decision with its logged ruleset version",
  description:
    "Loads the ruleset version the entry names, runs `decide()` again with the logged facts, " +
    "the logged decision time as now and the logged `exclude` list (reroutes), and compares " +
    "owner, list owner, fallback, priority, matched rule names and deadlines. Only `route` and " +
    "`reroute` entries are routing decisions; others answer 422.",
  security,
  request: { params: SeqParams },
  responses: {
    200: json(ReplaySchema, "The logged and the replayed decision, and where they differ"),
    ...errors,
    404: notFound,
    422: json(ErrorSchema, "The entry is not a replayable routing decision (reason given)"),
  },
});

const verifyRoute = createRoute({
  method: "get",
  path: "/audit/verify",
  tags: [TAG],
  summary: "Verify the decision log's hash chain",
  description:
    "Walks the chain in seq order, recomputing every hash, and reports the first broken link: " +
    "a gap (deleted entries), a hash mismatch (an edited entry) or a prev_hash mismatch (an " +
    "entry replaced with a recomputed hash). `max_rows` bounds one request; continue from " +
    "`next_after_seq`. For the whole log at once use `deno task audit:verify`.",
  security,
  request: { query: AuditVerifyQuery },
  responses: { 200: json(VerificationSchema, "What the verification found"), ...errors },
});

/**
 * A custom method (`/decisions/{seq}:replay`), routed through a Hono pattern that keeps the
 * `:replay` suffix out of the parameter; the documented route is registered separately.
 */
function customMethod<R extends RouteConfig>(route: R, param: string, action: string): R {
  const suffix = `:${action}`;
  return {
    ...route,
    path: route.path.replace(`{${param}}${suffix}`, `{${param}{[^/]+${suffix}}}`),
    hide: true,
    request: {
      ...route.request,
      params: z.object({
        [param]: z.string().transform((text) => text.slice(0, -suffix.length)).pipe(
          z.coerce.number().int().positive() as unknown as z.ZodType<number, string>,
        ),
      }),
    },
  };
}

type Ctx = Context<AppEnv>;

const BAD_RANGE = errorBody("invalid_request", "from must be before to", [
  { field: "from", message: "from must be before to" },
]);

/** The filter of a query, or `null` when `from` is not before `to`. */
function filterFrom(query: z.infer<typeof AuditFilterQuery>): AuditFilter | null {
  const filter: AuditFilter = {
    case_id: query.case_id,
    unit: query.unit,
    rule: query.rule,
    ruleset_version: query.version,
    kind: query.kind,
    actor: query.actor,
    request_id: query.request_id,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
  if (filter.from && filter.to && filter.from.getTime() >= filter.to.getTime()) return null;
  return filter;
}

function shown(c: Ctx): { masked: boolean; view: (e: LoggedDecision) => LoggedDecision } {
  const masked = !revealsPersonalData(c.get("caller").role);
  return { masked, view: masked ? maskDecision : (e) => e };
}

function attachmentHeaders(
  c: Ctx,
  now: Date,
  type: string,
  ext: string,
): Record<string, string> {
  const stamp = now.toISOString().replaceAll(/[-:]/g, "").slice(0, 15);
  return {
    "content-type": type,
    "content-disposition": `attachment; filename="whistle-decision-log-${stamp}Z.${ext}"`,
    "cache-control": "no-store",
    "x-whistle-masked": String(shown(c).masked),
  };
}

/** `/audit/...` (roles auditor and admin). */
export function auditRoutes(deps: HttpDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { db } = deps;
  app.use("/audit/*", requireRole("auditor"));

  app.openapi(searchRoute, async (c) => {
    const query = c.req.valid("query");
    const filter = filterFrom(query);
    if (!filter) return c.json(BAD_RANGE, 400);
    const page = await searchDecisions(db, filter, {
      after_seq: query.after_seq,
      limit: query.limit,
      order: query.order,
    });
    const { masked, view } = shown(c);
    return c.json({
      entries: page.entries.map((e) => decisionJson(view(e))),
      next_after_seq: page.next_after_seq,
      masked,
    }, 200);
  });

  app.openapi(exportCsvRoute, async (c) => {
    const query = c.req.valid("query");
    const filter = filterFrom(query);
    if (!filter) return c.json(BAD_RANGE, 400);
    const stream = await exportDecisions(db, filter, {
      format: "csv",
      mask: shown(c).masked,
      bom: query.bom === "true" || query.bom === "1",
      afterSeq: query.after_seq,
    });
    const headers = attachmentHeaders(
      c,
      deps.clock(),
      "text/csv; charset=utf-8; header=present",
      "csv",
    );
    return c.body(stream, 200, headers);
  });

  app.openapi(exportJsonlRoute, async (c) => {
    const query = c.req.valid("query");
    const filter = filterFrom(query);
    if (!filter) return c.json(BAD_RANGE, 400);
    const stream = await exportDecisions(db, filter, {
      format: "jsonl",
      mask: shown(c).masked,
      afterSeq: query.after_seq,
    });
    const headers = attachmentHeaders(
      c,
      deps.clock(),
      "application/x-ndjson; charset=utf-8",
      "jsonl",
    );
    // zod-openapi types any *json* media type as one JSON value; this one is a stream of them.
    return c.body(stream, 200, headers) as never;
  });

  app.openapi(entryRoute, async (c) => {
    const { seq } = c.req.valid("param");
    const entry = await findDecision(db, seq);
    if (!entry) {
      const message = `No decision-log entry ${seq}`;
      return c.json(errorBody("not_found", message, [{ field: "seq", message }]), 404);
    }
    const { masked, view } = shown(c);
    return c.json({ entry: decisionJson(view(entry)), masked }, 200);
  });

  app.openapi(customMethod(replayDoc, "seq", "replay"), async (c) => {
    const { seq } = c.req.valid("param") as unknown as { seq: number };
    const outcome = await replayDecision(db, seq);
    if (outcome.status === "not_found") {
      const message = `No decision-log entry ${seq}`;
      return c.json(errorBody("not_found", message, [{ field: "seq", message }]), 404);
    }
    if (outcome.status === "not_replayable") {
      const message = `Not replayable: ${outcome.reason}`;
      return c.json(errorBody("invalid_request", message, [{ field: "seq", message }]), 422);
    }
    const { status: _status, ...replay } = outcome;
    return c.json(replay, 200);
  });
  app.openAPIRegistry.registerPath(replayDoc);

  app.openapi(verifyRoute, async (c) => {
    const query = c.req.valid("query");
    const result = await verifyChain(db, { afterSeq: query.after_seq, maxRows: query.max_rows });
    return c.json(result, 200);
  });

  return app;
}
