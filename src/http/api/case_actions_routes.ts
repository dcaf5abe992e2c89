/**
 * `POST /cases/{id}/accept|return|reassign|notes|resolve|close|reopen|submit|suspend|resume`,
 * `POST /cases/{id}/extensions` and `POST /cases/{id}/extensions/{extension_id}/decision`: the
 * case lifecycle (#4) and joint handling (#11). Each is one transaction on the locked case and
 * answers the whole case (`CaseDetail`).
 *
 * Who may do what (`admin` may do everything; a `unit` token acts only for its own unit, on
 * cases that unit is on, 403 otherwise):
 *
 * | action                         | intake | unit            | dispatcher |
 * | ------------------------------ | ------ | --------------- | ---------- |
 * | accept, return, extensions     |        | its assignment  |            |
 * | submit (assisting part)        |        | as assisting    |            |
 * | resolve                        |        | as lead         |            |
 * | suspend, resume                |        | as lead         | yes        |
 * | notes                          | yes    | on its cases    | yes        |
 * | reassign, extension decision   |        |                 | yes        |
 * | close (feedback), reopen       | yes    |                 | yes        |
 *
 * @module
 */

import { createRoute, OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ApiRole } from "../../access/api_token.ts";
import { acceptCase } from "../../cases/accept_case.ts";
import { addCaseNote } from "../../cases/add_case_note.ts";
import { CaseActionError } from "../../cases/case_action_error.ts";
import type { CaseActor } from "../../cases/case_actor.ts";
import { closeCase } from "../../cases/close_case.ts";
import { decideExtension } from "../../cases/decide_extension.ts";
import { type CaseDetail, findCaseDetail } from "../../cases/find_case_detail.ts";
import { reassignCase } from "../../cases/reassign_case.ts";
import { reopenCase } from "../../cases/reopen_case.ts";
import { requestExtension } from "../../cases/request_extension.ts";
import { resolveCase } from "../../cases/resolve_case.ts";
import { resumeCase } from "../../cases/resume_case.ts";
import { returnCase } from "../../cases/return_case.ts";
import type { LifecycleDeps } from "../../cases/run_case_action.ts";
import { submitAssist } from "../../cases/submit_assist.ts";
import { suspendCase } from "../../cases/suspend_case.ts";
import type { AppEnv } from "../app_env.ts";
import { errorBody, type ErrorDetail, ErrorSchema } from "../error_body.ts";
import type { HttpDeps } from "../http_deps.ts";
import { requireRole } from "../require_role.ts";
import { validationHook } from "../validation_hook.ts";
import {
  AcceptBodySchema,
  CaseDetailSchema,
  CloseBodySchema,
  ExtensionDecisionBodySchema,
  ExtensionRequestBodySchema,
  NoteBodySchema,
  ReassignBodySchema,
  ReopenBodySchema,
  ResolveBodySchema,
  ResumeBodySchema,
  ReturnBodySchema,
  SubmitBodySchema,
  SuspendBodySchema,
} from "./case_actions_schemas.ts";

const TAG = "Case lifecycle";
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const errors = {
  400: json(ErrorSchema, "A field is invalid (named in details)"),
  401: json(ErrorSchema, "No valid bearer token"),
  403: json(ErrorSchema, "This token may not do this, or not on this case"),
  404: json(ErrorSchema, "No such case (or extension)"),
  409: json(ErrorSchema, "Not possible in the case's current state (named in details)"),
};
const CaseId = z.uuid().openapi({ param: { name: "id", in: "path" } });

function actionRoute(
  action: string,
  summary: string,
  description: string,
  body: z.ZodType,
  roles: string,
  path = `/cases/{id}/${action}`,
  params: z.ZodObject = z.object({ id: CaseId }),
) {
  return createRoute({
    method: "post",
    path,
    tags: [TAG],
    summary,
    description: `${description}\n\nRoles: ${roles}.`,
    security: [{ bearer: [] }],
    request: {
      params,
      body: { required: true, content: { "application/json": { schema: body } } },
    },
    responses: { 200: json(CaseDetailSchema, "Done: the whole case, as it is now"), ...errors },
  });
}

const routes = {
  accept: actionRoute(
    "accept",
    "Accept (签收) the case",
    "The lead's acceptance moves the case to `accepted`; an assisting unit's starts its contribution clock.",
    AcceptBodySchema,
    "unit (its own assignment), admin",
  ),
  return: actionRoute(
    "return",
    "Return (退单) the case, with a reason",
    "The lead: the case is routed again by the active ruleset without this unit and earlier returners; after `lifecycle.max_returns` returns (default 3) it goes to the fallback unit for manual dispatch. Logged as `reroute`. An assisting unit leaves the case.",
    ReturnBodySchema,
    "unit (its own assignment), admin",
  ),
  reassign: actionRoute(
    "reassign",
    "Give the case to another lead unit by hand (人工改派)",
    "Logged as `override`; the new unit gets fresh deadlines and is notified.",
    ReassignBodySchema,
    "dispatcher, admin",
  ),
  notes: actionRoute(
    "notes",
    "Add a note to the timeline",
    "Possible in any state; `public` notes are what the citizen may see.",
    NoteBodySchema,
    "intake, unit (on its cases), dispatcher, admin",
  ),
  resolve: actionRoute(
    "resolve",
    "Resolve (办结) the case",
    "The lead must have accepted, the case must not be suspended, and every assisting unit must have submitted its part or be named in `proceed_without` with a reason.",
    ResolveBodySchema,
    "unit (the lead), admin",
  ),
  close: actionRoute(
    "close",
    "Close the case with the citizen's feedback (反馈核查)",
    "Only a resolved case; `unsatisfied` lets it be reopened.",
    CloseBodySchema,
    "intake, dispatcher, admin",
  ),
  reopen: actionRoute(
    "reopen",
    "Reopen a case closed unsatisfied",
    "The same owner gets it again with fresh deadlines and is notified (`reopened`).",
    ReopenBodySchema,
    "intake, dispatcher, admin",
  ),
  submit: actionRoute(
    "submit",
    "An assisting unit (协办) submits its part",
    "The assisting unit must have accepted.",
    SubmitBodySchema,
    "unit (as assisting unit), admin",
  ),
  suspend: actionRoute(
    "suspend",
    "Suspend (挂起) the case while waiting for the citizen or an outside party",
    "Every clock of the case stops until it resumes (by hand, or at `resume_at`) or the matter type's `max_suspension` is used up.",
    SuspendBodySchema,
    "unit (the lead), dispatcher, admin",
  ),
  resume: actionRoute(
    "resume",
    "Resume a suspended case",
    "Deadlines are re-planned with the real length of the pause.",
    ResumeBodySchema,
    "unit (the lead), dispatcher, admin",
  ),
  extension: actionRoute(
    "extensions",
    "Ask for an extension (延期)",
    "The lead or an assisting unit proposes a later deadline, with a reason; the matter type sets how many extensions and how long. The request appears in `extensions` as pending.",
    ExtensionRequestBodySchema,
    "unit (its own assignment), admin",
  ),
  decision: actionRoute(
    "decision",
    "Approve, shorten or refuse an extension request",
    "An approved extension moves the deadline and re-plans the timers; the original deadline is kept.",
    ExtensionDecisionBodySchema,
    "dispatcher, admin",
    "/cases/{id}/extensions/{extension_id}/decision",
    z.object({
      id: CaseId,
      extension_id: z.uuid().openapi({ param: { name: "extension_id", in: "path" } }),
    }),
  ),
} satisfies Record<string, RouteConfig>;

/** The case as the API answers it (dates as ISO 8601). */
export function caseDetailJson(detail: CaseDetail) {
  return {
    ...detail,
    history: detail.history.map((d) => ({ ...d, created_at: d.created_at.toISOString() })),
  };
}

/** A refused action in the error shape; 409s name the case's current state. */
export function caseActionErrorResponse(c: Context, error: CaseActionError): Response {
  const details: ErrorDetail[] = [];
  if (error.field !== "state") details.push({ field: error.field, message: error.message });
  if (error.state !== undefined) {
    details.push({ field: "state", message: `current state: ${error.state}` });
  }
  return c.json(errorBody(error.refusal.code, error.message, details), error.status);
}

/** The actor of a request. */
function actorOf(c: Context<AppEnv>): CaseActor {
  const caller = c.get("caller");
  return {
    label: `token:${caller.name}`,
    role: caller.role,
    unit: caller.unitCode,
    requestId: c.get("requestId") ?? null,
  };
}

/** The case-action routes (see the module doc for the role matrix). */
export function caseActionsRoutes(deps: HttpDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const lifecycle: LifecycleDeps = {
    db: deps.db,
    ruleset: deps.ruleset,
    clock: deps.clock,
    metrics: deps.metrics,
    logger: deps.logger,
    onNotices: deps.onNotices,
  };
  const allow = (path: string, ...roles: ApiRole[]) => app.use(path, requireRole(...roles));
  allow("/cases/:id/accept", "unit");
  allow("/cases/:id/return", "unit");
  allow("/cases/:id/submit", "unit");
  allow("/cases/:id/resolve", "unit");
  allow("/cases/:id/extensions", "unit");
  allow("/cases/:id/suspend", "unit", "dispatcher");
  allow("/cases/:id/resume", "unit", "dispatcher");
  allow("/cases/:id/notes", "intake", "unit", "dispatcher");
  allow("/cases/:id/reassign", "dispatcher");
  allow("/cases/:id/extensions/:extension_id/decision", "dispatcher");
  allow("/cases/:id/close", "intake", "dispatcher");
  allow("/cases/:id/reopen", "intake", "dispatcher");

  /** Runs an action and answers the case after it, or the refusal. */
  const run = async (
    c: Context<AppEnv>,
    id: string,
    action: (actor: CaseActor) => Promise<unknown>,
  ): Promise<Response> => {
    try {
      await action(actorOf(c));
    } catch (error) {
      if (error instanceof CaseActionError) return caseActionErrorResponse(c, error);
      throw error;
    }
    const detail = await findCaseDetail(deps.db, id);
    if (!detail) return c.json(errorBody("not_found", `No case ${id}`), 404);
    return c.json(caseDetailJson(detail), 200);
  };

  // deno-lint-ignore no-explicit-any
  const respond = (response: Response) => response as any;
  app.openapi(routes.accept, async (c) => {
    const { id } = c.req.valid("param") as { id: string };
    const body = c.req.valid("json") as z.infer<typeof AcceptBodySchema>;
    return respond(await run(c, id, (actor) => acceptCase(lifecycle, id, actor, body)));
  });
  app.openapi(routes.return, async (c) => {
    const { id } = c.req.valid("param") as { id: string };
    const body = c.req.valid("json") as z.infer<typeof ReturnBodySchema>;
    return respond(await run(c, id, (actor) => returnCase(lifecycle, id, actor, body)));
  });
  app.openapi(routes.reassign, async (c) => {
    const { id } = c.req.valid("param") as { id: string };
    const body = c.req.valid("json") as z.infer<typeof ReassignBodySchema>;
    return respond(await run(c, id, (actor) => reassignCase(lifecycle, id, actor, body)));
  });
  app.openapi(routes.notes, async (c) => {
    const { id } = c.req.valid("param") as { id: string };
    const body = c.req.valid("json") as z.infer<typeof NoteBodySchema>;
    return respond(await run(c, id, (actor) => addCaseNote(lifecycle, id, actor, body)));
  });
  app.openapi(routes.resolve, async (c) => {
    const { id } = c.req.valid("param") as { id: string };
    const body = c.req.valid("json") as z.infer<typeof ResolveBodySchema>;
    return respond(await run(c, id, (actor) => resolveCase(lifecycle, id, actor, body)));
  });
  app.openapi(routes.close, async (c) => {
    const { id } = c.req.valid("param") as { id: string };
    const body = c.req.valid("json") as z.infer<typeof CloseBodySchema>;
    return respond(await run(c, id, (actor) => closeCase(lifecycle, id, actor, body)));
  });
  app.openapi(routes.reopen, async (c) => {
    const { id } = c.req.valid("param") as { id: string };
    const body = c.req.valid("json") as z.infer<typeof ReopenBodySchema>;
    return respond(await run(c, id, (actor) => reopenCase(lifecycle, id, actor, body)));
  });
  app.openapi(routes.submit, async (c) => {
    const { id } = c.req.valid("param") as { id: string };
    const body = c.req.valid("json") as z.infer<typeof SubmitBodySchema>;
    return respond(await run(c, id, (actor) => submitAssist(lifecycle, id, actor, body)));
  });
  app.openapi(routes.suspend, async (c) => {
    const { id } = c.req.valid("param") as { id: string };
    const body = c.req.valid("json") as z.infer<typeof SuspendBodySchema>;
    return respond(await run(c, id, (actor) => suspendCase(lifecycle, id, actor, body)));
  });
  app.openapi(routes.resume, async (c) => {
    const { id } = c.req.valid("param") as { id: string };
    const body = c.req.valid("json") as z.infer<typeof ResumeBodySchema>;
    return respond(await run(c, id, (actor) => resumeCase(lifecycle, id, actor, body)));
  });
  app.openapi(routes.extension, async (c) => {
    const { id } = c.req.valid("param") as { id: string };
    const body = c.req.valid("json") as z.infer<typeof ExtensionRequestBodySchema>;
    return respond(await run(c, id, (actor) => requestExtension(lifecycle, id, actor, body)));
  });
  app.openapi(routes.decision, async (c) => {
    const { id, extension_id } = c.req.valid("param") as { id: string; extension_id: string };
    const body = c.req.valid("json") as z.infer<typeof ExtensionDecisionBodySchema>;
    return respond(
      await run(c, id, (actor) => decideExtension(lifecycle, id, extension_id, actor, body)),
    );
  });
  return app;
}
