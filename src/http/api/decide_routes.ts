import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { assertKnownMatterType } from "../../cases/assert_known_matter_type.ts";
import { caseFacts } from "../../cases/new_case.ts";
import { decide } from "../../routing/decide.ts";
import type { AppEnv } from "../app_env.ts";
import { ErrorSchema } from "../error_body.ts";
import type { HttpDeps } from "../http_deps.ts";
import { validationHook } from "../validation_hook.ts";
import { DecisionSchema, NewCaseSchema } from "./case_schemas.ts";

const dryRun = createRoute({
  method: "post",
  path: "/decide",
  tags: ["Routing"],
  summary: "Dry run: the decision the active ruleset would make for a case; nothing is stored",
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { "application/json": { schema: NewCaseSchema } } } },
  responses: {
    200: {
      description: "The decision",
      content: { "application/json": { schema: DecisionSchema } },
    },
    400: {
      description: "Invalid field (named in details)",
      content: { "application/json": { schema: ErrorSchema } },
    },
    401: {
      description: "No valid bearer token",
      content: { "application/json": { schema: ErrorSchema } },
    },
    422: {
      description: "Unknown matter type",
      content: { "application/json": { schema: ErrorSchema } },
    },
  },
});

/** `POST /decide`. */
export function decideRoutes(deps: HttpDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(dryRun, async (c) => {
    const input = c.req.valid("json");
    const ruleset = deps.ruleset.current;
    assertKnownMatterType(ruleset, input.type);
    return c.json(await decide(ruleset, caseFacts(input), deps.clock()), 200);
  });
  return app;
}
