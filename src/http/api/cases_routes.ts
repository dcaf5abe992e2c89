import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { findCaseDetail } from "../../cases/find_case_detail.ts";
import type { IntakeOutcome } from "../../cases/intake_item.ts";
import { receiveCase } from "../../cases/receive_case.ts";
import type { AppEnv } from "../app_env.ts";
import { errorBody, ErrorSchema } from "../error_body.ts";
import type { HttpDeps } from "../http_deps.ts";
import { validationHook } from "../validation_hook.ts";
import { caseDetailJson } from "./case_actions_routes.ts";
import { CaseDetailSchema } from "./case_actions_schemas.ts";
import { IntakeResponseSchema, NewCaseSchema } from "./case_schemas.ts";

const errors = {
  400: {
    description: "The body is malformed or a field is invalid (named in details)",
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
  415: {
    description: "The body is not JSON",
    content: { "application/json": { schema: ErrorSchema } },
  },
};

const postCase = createRoute({
  method: "post",
  path: "/cases",
  tags: ["Cases"],
  summary: "Report a case; Whistle routes it and stores case and decision",
  description:
    "Idempotent on (source, external_id): a retry answers 200 with the stored case and its original decision, never a second case. The answer is sent only after the case and its decision are committed.",
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { "application/json": { schema: NewCaseSchema } } } },
  responses: {
    201: {
      description: "Created and routed",
      content: { "application/json": { schema: IntakeResponseSchema } },
    },
    200: {
      description: "Already received (a retry): the stored case",
      content: { "application/json": { schema: IntakeResponseSchema } },
    },
    ...errors,
    422: {
      description: "Unknown matter type",
      content: { "application/json": { schema: ErrorSchema } },
    },
    503: {
      description: "Intake cannot store cases now; retry after Retry-After seconds",
      content: { "application/json": { schema: ErrorSchema } },
    },
  },
});

const getCase = createRoute({
  method: "get",
  path: "/cases/{id}",
  tags: ["Cases"],
  summary:
    "A case: state, lead and assisting units, deadlines (original and extended), extensions, suspensions, timeline and decision history",
  description:
    "A `unit` token reads only cases its unit is or was on (403 otherwise); every other role reads any case.",
  security: [{ bearer: [] }],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    200: {
      description: "The case",
      content: { "application/json": { schema: CaseDetailSchema } },
    },
    400: errors[400],
    401: errors[401],
    403: {
      description: "A unit token, and its unit was never on this case",
      content: { "application/json": { schema: ErrorSchema } },
    },
    404: { description: "No such case", content: { "application/json": { schema: ErrorSchema } } },
  },
});

/** Serializes an intake outcome as the API answers it. */
export function intakeResponse(outcome: IntakeOutcome) {
  return { ...outcome.case, decision: outcome.decision };
}

/** `POST /cases` and `GET /cases/{id}`. */
export function casesRoutes(deps: HttpDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(postCase, async (c) => {
    const outcome = await receiveCase(
      {
        ruleset: deps.ruleset.current,
        queue: deps.intake,
        now: deps.clock(),
        observer: deps.metrics,
      },
      c.req.valid("json"),
      { actor: `token:${c.get("caller").name}`, requestId: c.get("requestId") },
    );
    return c.json(intakeResponse(outcome), outcome.status === "created" ? 201 : 200);
  });

  app.openapi(getCase, async (c) => {
    const found = await findCaseDetail(deps.db, c.req.valid("param").id);
    if (!found) {
      return c.json(errorBody("not_found", `No case ${c.req.valid("param").id}`), 404);
    }
    const caller = c.get("caller");
    if (caller.role === "unit" && !found.assignments.some((a) => a.unit === caller.unitCode)) {
      const message = `Unit ${caller.unitCode} has never been on case ${found.id}`;
      return c.json(errorBody("forbidden", message, [{ field: "authorization", message }]), 403);
    }
    return c.json(caseDetailJson(found), 200);
  });

  return app;
}
