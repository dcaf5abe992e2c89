/**
 * Zod schemas of `/audit/...`: the search filters, a logged decision, replays and chain
 * verification, as the OpenAPI document shows them.
 *
 * @module
 */

import { z } from "@hono/zod-openapi";

const instant = z.string().openapi({ format: "date-time", example: "2026-11-23T02:00:00.000Z" });
const hash = z.string().openapi({ example: "9f2c…" });

/** Decision kinds the log holds. */
export const DECISION_KINDS = ["route", "reroute", "escalate", "override", "publish"] as const;

const optionalText = (max: number, example: string, description: string) =>
  z.string().min(1).max(max).optional().openapi({ example, description });

const offsetInstant = (description: string) =>
  z.iso.datetime({ offset: true }).optional().openapi({
    example: "2026-11-01T00:00:00+08:00",
    description,
  });

/** The filters every search and export takes (all optional, combined with AND). */
export const AuditFilterQuery = z.object({
  case_id: z.uuid().optional().openapi({ description: "Entries about this case" }),
  unit: optionalText(
    64,
    "YG-SFJ",
    "Entries that mention this unit code: as owner or list owner, and for reroutes, " +
      "escalations and overrides also as previous owner, excluded unit or a matched rule's owner",
  ),
  rule: optionalText(200, "wage-arrears-keywords-to-hrss", "Entries where this rule matched"),
  version: z.coerce.number().int().positive().optional().openapi({
    example: 3,
    description: "Entries decided with (for publish: publishing) this ruleset version",
  }),
  kind: z.enum(DECISION_KINDS).optional().openapi({
    description: "`publish` lists rule changes (publishes and rollbacks) with their diff",
  }),
  actor: optionalText(200, "token:policy-desk", "Who caused it: token:NAME, user:NAME, system:JOB"),
  request_id: optionalText(200, "4f0c7b1e-…", "The X-Request-Id of the request that caused it"),
  from: offsetInstant("Decided at or after this instant (ISO 8601 with offset)"),
  to: offsetInstant("Decided before this instant"),
});

/** Search: the filters plus keyset paging. */
export const AuditSearchQuery = AuditFilterQuery.extend({
  after_seq: z.coerce.number().int().min(0).optional().openapi({
    description: "Continue after this seq (the previous page's next_after_seq)",
  }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  order: z.enum(["asc", "desc"]).default("asc").openapi({
    description: "asc: oldest first; desc: newest first (after_seq then counts downwards)",
  }),
});

/** Export: the filters, where to resume, and the Excel byte order mark. */
export const AuditExportQuery = AuditFilterQuery.extend({
  after_seq: z.coerce.number().int().min(0).optional().openapi({
    description: "Resume an interrupted export after the last seq received",
  }),
  bom: z.enum(["true", "false", "1", "0"]).optional().openapi({
    description:
      "CSV: start with a UTF-8 byte order mark so that Excel shows Chinese text correctly",
  }),
});

/** Verification: where to start and how much to check. */
export const AuditVerifyQuery = z.object({
  after_seq: z.coerce.number().int().min(0).optional().openapi({
    description: "Start after this entry, trusting its stored hash (default: from the genesis)",
  }),
  max_rows: z.coerce.number().int().min(1).optional().openapi({
    description: "Check at most this many entries; continue from next_after_seq",
  }),
});

/** `{seq}` in a path. */
export const SeqParams = z.object({
  seq: z.coerce.number().int().positive().openapi({
    param: { name: "seq", in: "path" },
    example: 42,
  }),
});

/** A logged decision. */
export const AuditEntrySchema = z
  .object({
    seq: z.number().int().openapi({ example: 42 }),
    case_id: z.string().nullable(),
    kind: z.string().openapi({ example: "route" }),
    ruleset_version: z.number().int().nullable(),
    ruleset_hash: z.string().nullable(),
    matched_rules: z.array(z.unknown()).openapi({
      description: "The exception rules that matched: name, priority, event",
    }),
    facts: z.record(z.string(), z.unknown()).openapi({
      description: "The facts the decision used (personal data masked unless the role allows)",
    }),
    outcome: z.record(z.string(), z.unknown()).openapi({
      description: "Owner, deadlines…; for publish: version, previous_version, rollback, diff",
    }),
    reason: z.object({ zh: z.string(), en: z.string() }),
    actor: z.string().openapi({ example: "token:hotline-12345" }),
    request_id: z.string().nullable(),
    created_at: instant,
    prev_hash: hash,
    hash,
  })
  .openapi("AuditEntry");

/** A page of search results. */
export const AuditPageSchema = z
  .object({
    entries: z.array(AuditEntrySchema),
    next_after_seq: z.number().int().nullable().openapi({
      description: "Pass as after_seq for the next page; null on the last page",
    }),
    masked: z.boolean().openapi({
      description: "Whether personal data in facts and outcome is masked (every role but admin)",
    }),
  })
  .openapi("AuditPage");

/** One entry, with whether it is masked. */
export const AuditEntryAnswerSchema = z
  .object({ entry: AuditEntrySchema, masked: z.boolean() })
  .openapi("AuditEntryAnswer");

const ReplaySummarySchema = z.object({
  owner: z.unknown(),
  list_owner: z.unknown(),
  fallback: z.unknown(),
  priority: z.unknown(),
  matched_rules: z.array(z.string()),
  deadlines: z.object({ accept_by: z.unknown(), resolve_by: z.unknown() }),
  assisting: z.array(z.string()).nullable(),
});

/** What a replay found. */
export const ReplaySchema = z
  .object({
    seq: z.number().int(),
    kind: z.string(),
    same: z.boolean(),
    ruleset: z.object({ version: z.number().int(), hash: z.string() }),
    now: instant.openapi({ description: "The logged decision time, used as now" }),
    exclude: z.array(z.string()),
    logged: ReplaySummarySchema,
    replayed: ReplaySummarySchema,
    differences: z.array(z.object({
      field: z.string().openapi({ example: "owner" }),
      logged: z.unknown(),
      replayed: z.unknown(),
    })),
  })
  .openapi("Replay");

/** What a verification found. */
export const VerificationSchema = z
  .object({
    intact: z.boolean(),
    checked: z.number().int(),
    first_seq: z.number().int().nullable(),
    last_seq: z.number().int().nullable(),
    last_hash: z.string().nullable().openapi({
      description: "Record it outside the database: a later run that finds it proves nothing " +
        "was cut off the end",
    }),
    complete: z.boolean(),
    next_after_seq: z.number().int().nullable(),
    broken: z.object({
      seq: z.number().int(),
      problem: z.enum(["gap", "hash_mismatch", "prev_hash_mismatch"]),
      message: z.string(),
      expected: z.union([z.string(), z.number()]),
      found: z.union([z.string(), z.number()]),
      suspect_seq: z.number().int().optional(),
    }).nullable(),
    elapsed_ms: z.number().int(),
  })
  .openapi("ChainVerification");
