import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { CaseInputError } from "../../cases/case_input_error.ts";
import type { NewCase } from "../../cases/new_case.ts";
import { receiveCaseBatch } from "../../cases/receive_case_batch.ts";
import type { AppEnv } from "../app_env.ts";
import { type ErrorBody, errorBody, ErrorSchema } from "../error_body.ts";
import type { HttpDeps } from "../http_deps.ts";
import { validationHook } from "../validation_hook.ts";
import { CaseSchema, DecisionSchema, NewCaseSchema } from "./case_schemas.ts";

const ItemResultSchema = z
  .object({
    index: z.number().int(),
    status: z.enum(["created", "existing", "error"]),
    case: CaseSchema.optional(),
    decision: DecisionSchema.optional(),
    error: ErrorSchema.shape.error.optional(),
  })
  .openapi("BatchItemResult");

const BatchResponseSchema = z
  .object({
    summary: z.object({ created: z.number(), existing: z.number(), failed: z.number() }),
    results: z.array(ItemResultSchema),
  })
  .openapi("BatchResponse");

const EXAMPLE_ITEM = {
  source: "hotline-12345",
  external_id: "HL-2026-000124",
  type: "MT-MZJ-005",
  title: "独居老人无人照看",
  channel: "hotline",
  reported_at: "2026-11-23T09:30:00+08:00",
};

function batchRoute(maxItems: number) {
  return createRoute({
    method: "post",
    path: "/cases:batch",
    tags: ["Cases"],
    summary:
      `Report up to ${maxItems} cases at once; each is validated, routed and stored on its own`,
    description:
      "The answer lists, in order, each item's outcome: `created`, `existing` (already received: the stored case), or `error` naming the field. One bad item never rejects the good ones. 503 only when no item could be stored because the database is unavailable.",
    security: [{ bearer: [] }],
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z
              .object({ cases: z.array(z.unknown()).min(1).max(maxItems) })
              .openapi("CaseBatch", {
                example: {
                  cases: [EXAMPLE_ITEM, {
                    ...EXAMPLE_ITEM,
                    external_id: "HL-2026-000125",
                    reported_at: "yesterday",
                  }],
                },
              }),
          },
        },
      },
    },
    responses: {
      200: {
        description: "One result per item, in order",
        content: {
          "application/json": {
            schema: BatchResponseSchema,
            example: {
              summary: { created: 1, existing: 0, failed: 1 },
              results: [
                {
                  index: 0,
                  status: "created",
                  case: { id: "…", owner: "YG-MZJ" },
                  decision: { owner: "YG-MZJ" },
                },
                {
                  index: 1,
                  status: "error",
                  error: {
                    code: "invalid_request",
                    message: "Invalid cases[1].reported_at",
                    details: [{ field: "cases[1].reported_at", message: "Invalid ISO datetime" }],
                  },
                },
              ],
            },
          },
        },
      },
      400: {
        description: "The body is not a batch (named in details)",
        content: { "application/json": { schema: ErrorSchema } },
      },
      401: {
        description: "No valid bearer token",
        content: { "application/json": { schema: ErrorSchema } },
      },
      413: {
        description: "The body is larger than the limit",
        content: { "application/json": { schema: ErrorSchema } },
      },
      503: {
        description: "The database is unavailable; nothing was stored",
        content: { "application/json": { schema: ErrorSchema } },
      },
    },
  });
}

/** `POST /cases:batch`. */
export function batchRoutes(deps: HttpDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(batchRoute(deps.limits.maxBatchItems), async (c) => {
    const { cases } = c.req.valid("json");
    const invalid = new Map<number, ErrorBody["error"]>();
    const inputs = cases.map((raw, index): NewCase | null => {
      const parsed = NewCaseSchema.safeParse(raw);
      if (parsed.success) return parsed.data;
      const details = parsed.error.issues.map((issue) => ({
        field: [
          `cases[${index}]`,
          ...issue.path.map((p) => typeof p === "number" ? `[${p}]` : `.${String(p)}`),
        ].join(""),
        message: issue.message,
      }));
      invalid.set(
        index,
        errorBody("invalid_request", `Invalid ${details.map((d) => d.field).join(", ")}`, details)
          .error,
      );
      return null;
    });
    const results = await receiveCaseBatch(
      {
        ruleset: deps.ruleset.current,
        queue: deps.intake,
        now: deps.clock(),
        observer: deps.metrics,
      },
      inputs,
      { actor: `token:${c.get("caller").name}`, requestId: c.get("requestId") },
    );
    const items = results.map((result, index) => {
      if (result === null) return { index, status: "error" as const, error: invalid.get(index) };
      if (result.ok) {
        return {
          index,
          status: result.outcome.status,
          case: result.outcome.case,
          decision: result.outcome.decision,
        };
      }
      const e = result.error;
      const field = e instanceof CaseInputError ? `cases[${index}].${e.field}` : `cases[${index}]`;
      const code = e instanceof CaseInputError ? "unknown_matter_type" : "service_unavailable";
      return {
        index,
        status: "error" as const,
        error: errorBody(code, e.message, [{ field, message: e.message }]).error,
      };
    });
    const unavailable = results.some((r) => r && !r.ok && !(r.error instanceof CaseInputError));
    if (unavailable && items.every((i) => i.status === "error")) {
      c.header("Retry-After", "2");
      return c.json(
        errorBody(
          "service_unavailable",
          "The database is unavailable; nothing was stored. Retry the whole batch: retries never create a second case.",
        ),
        503,
      );
    }
    const count = (s: string) => items.filter((i) => i.status === s).length;
    return c.json({
      summary: { created: count("created"), existing: count("existing"), failed: count("error") },
      results: items,
    }, 200);
  });
  return app;
}
