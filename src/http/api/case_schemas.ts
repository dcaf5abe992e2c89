import { z } from "@hono/zod-openapi";

const code = (max: number) => z.string().trim().min(1).max(max);

/** Where the case happened. */
export const LocationSchema = z
  .object({
    area_code: code(64).optional().openapi({ example: "YG-S01-C01" }),
    grid_code: code(64).optional().openapi({ example: "YG-S01-C01-G01" }),
    address: z.string().max(500).optional().openapi({ example: "云冈区新平旺街道平旺东社区3号楼" }),
    lat: z.number().min(-90).max(90).optional().openapi({ example: 40.09 }),
    lng: z.number().min(-180).max(180).optional().openapi({ example: 113.14 }),
  })
  .openapi("Location");

/** A case as an upstream system posts it. */
export const NewCaseSchema = z
  .object({
    source: code(64).openapi({ description: "The upstream system", example: "hotline-12345" }),
    external_id: code(128).openapi({
      description: "The upstream system's id; (source, external_id) makes the post idempotent",
      example: "HL-2026-000123",
    }),
    type: code(64).openapi({ description: "Matter type code", example: "MT-MZJ-005" }),
    title: z.string().trim().min(1).max(200).openapi({ example: "独居老人无人照看" }),
    description: z.string().max(5000).default("").openapi({
      example: "平旺东社区3号楼独居老人近日无人照看，邻居反映。",
    }),
    location: LocationSchema.default({}),
    urgency: z.enum(["normal", "urgent"]).default("normal"),
    channel: code(32).openapi({ example: "hotline" }),
    reported_at: z.iso.datetime({ offset: true }).openapi({ example: "2026-11-23T09:30:00+08:00" }),
    reporter: z
      .object({
        name: z.string().trim().max(100).optional(),
        first_name: z.string().trim().max(100).optional(),
        last_name: z.string().trim().max(100).optional(),
        phone: z.string().trim().max(32).optional(),
        email: z.string().trim().max(254).optional(),
        device_id: z.string().trim().max(200).optional(),
        account_id: z.string().trim().max(200).optional(),
      })
      .optional()
      .openapi({
        description:
          "The citizen (personal data): stored with the case, never used for routing, never in the decision log",
      }),
  })
  .openapi("NewCase");

const Bilingual = z.object({ zh: z.string(), en: z.string() });

/** Deadlines of a case (of one unit on it): acceptance, resolution, and their warnings. */
export const DeadlinesSchema = z
  .object({
    accept_by: z.string(),
    resolve_by: z.string().openapi({
      description: "Resolution; for an assisting unit, the deadline of its contribution",
    }),
    accept_warn_at: z.string().optional(),
    resolve_warn_at: z.string().optional(),
    limits: z.object({
      accept: z.string().openapi({ example: "PT2H" }),
      resolve: z.string().openapi({ example: "P2D" }),
      accept_counting: z.enum(["calendar", "working"]),
      resolve_counting: z.enum(["calendar", "working"]),
    }).optional(),
    uncovered_years: z.array(z.number()).optional().openapi({
      description:
        "Years a working-time deadline crossed that no holiday calendar covers (weekends assumed)",
    }),
  })
  .openapi("Deadlines");

/** The outcome of routing one case. */
export const DecisionSchema = z
  .object({
    owner: z.string().openapi({ example: "YG-MZJ" }),
    list_owner: z.string().nullable(),
    matched_rules: z.array(z.object({
      name: z.string(),
      priority: z.number(),
      event: z.object({ type: z.string(), params: z.record(z.string(), z.unknown()).optional() }),
    })),
    fallback: z.boolean(),
    priority: z.enum(["normal", "urgent"]),
    reason: Bilingual,
    deadlines: DeadlinesSchema,
    assisting: z.array(z.object({ unit: z.string(), deadlines: DeadlinesSchema })).optional()
      .openapi({ description: "Assisting units (协办), each with its own deadlines" }),
    ruleset: z.object({ version: z.number(), hash: z.string() }),
  })
  .openapi("Decision");

/** A stored case. */
export const CaseSchema = z
  .object({
    id: z.uuid(),
    source: z.string(),
    external_id: z.string(),
    type: z.string(),
    title: z.string(),
    description: z.string(),
    location: z.object({
      area_code: z.string().nullable(),
      grid_code: z.string().nullable(),
      address: z.string().nullable(),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
    }),
    urgency: z.enum(["normal", "urgent"]),
    channel: z.string(),
    reported_at: z.string(),
    received_at: z.string(),
    state: z.string().openapi({ example: "assigned" }),
    owner: z.string(),
    priority: z.enum(["normal", "urgent"]),
    ruleset_version: z.number(),
    deadlines: DeadlinesSchema,
    updated_at: z.string(),
  })
  .openapi("Case");

/** The answer to a posted case. */
export const IntakeResponseSchema = CaseSchema.extend({ decision: DecisionSchema }).openapi(
  "IntakeResponse",
);

/** A decision-log entry as shown with a case. */
export const LoggedDecisionSchema = z
  .object({
    seq: z.number(),
    kind: z.string(),
    ruleset_version: z.number().nullable(),
    ruleset_hash: z.string().nullable(),
    matched_rules: z.array(z.unknown()),
    facts: z.record(z.string(), z.unknown()),
    outcome: z.record(z.string(), z.unknown()),
    reason: Bilingual,
    actor: z.string(),
    request_id: z.string().nullable(),
    created_at: z.string(),
    hash: z.string(),
  })
  .openapi("LoggedDecision");

/** A case with its decision history. */
export const CaseWithHistorySchema = CaseSchema.extend({
  history: z.array(LoggedDecisionSchema),
}).openapi("CaseWithHistory");
