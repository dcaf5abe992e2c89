/**
 * `/rulesets/...`: versions, drafts edited item by item, validation, simulation, publish and
 * rollback. Reading needs role `auditor` or `policy_editor`; everything else `policy_editor`
 * (`admin` may do all).
 *
 * @module
 */

import { createRoute, OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { MatterType } from "../../routing/ruleset.ts";
import { createDraft } from "../../rulesets/create_draft.ts";
import { diffRulesets } from "../../rulesets/diff_rulesets.ts";
import { discardDraft } from "../../rulesets/discard_draft.ts";
import { editDraft } from "../../rulesets/edit_draft.ts";
import type { RulesetEdit } from "../../rulesets/edit_ruleset_document.ts";
import { type Finding, RULESET_FILES, type RulesetFileName } from "../../rulesets/finding.ts";
import { parseRulesetDocument } from "../../rulesets/parse_ruleset_document.ts";
import { publishDraft } from "../../rulesets/publish_draft.ts";
import { republishVersion } from "../../rulesets/republish_version.ts";
import { reviewRuleset } from "../../rulesets/review_ruleset.ts";
import { findDraft, listDrafts } from "../../rulesets/ruleset_draft_repository.ts";
import {
  exceptionRulesFileSchema,
  matterTypesFileSchema,
  rulesetDocumentSchema,
  unitsFileSchema,
} from "../../rulesets/ruleset_schema.ts";
import { findActiveVersion } from "../../rulesets/ruleset_version_repository.ts";
import {
  findActivation,
  findVersion,
  listVersions,
} from "../../rulesets/ruleset_version_queries.ts";
import {
  failAbandonedSimulations,
  findSimulation,
  listSimulations,
} from "../../rulesets/simulation_repository.ts";
import { startSimulation } from "../../rulesets/start_simulation.ts";
import { zodIssuesToFindings } from "../../rulesets/zod_issues_to_findings.ts";
import type { AppEnv } from "../app_env.ts";
import { errorBody, type ErrorDetail, ErrorSchema } from "../error_body.ts";
import type { HttpDeps } from "../http_deps.ts";
import { refreshRuleset } from "../refresh_ruleset.ts";
import { requireRole } from "../require_role.ts";
import { validationHook } from "../validation_hook.ts";
import {
  ActiveVersionSchema,
  CreateDraftBodySchema,
  DraftMetaSchema,
  DraftSchema,
  ExceptionRuleBodySchema,
  FallbackBodySchema,
  MatterTypeBodySchema,
  MatterTypePatchSchema,
  PublishBodySchema,
  PublishResultSchema,
  RollbackBodySchema,
  RulesetDiffSchema,
  RulesetRefusedSchema,
  SimulationBodySchema,
  SimulationSchema,
  TimeLimitClassSchema,
  UnitBodySchema,
  UnitPatchSchema,
  ValidationSchema,
  VersionDiffSchema,
  VersionMetaSchema,
  VersionSchema,
} from "./rulesets_schemas.ts";
import {
  draftJson,
  draftMetaJson,
  findingDetails,
  simulationJson,
  validationJson,
  versionMetaJson,
} from "./rulesets_views.ts";

/** The default simulation period: the last 30 days. */
const DEFAULT_PERIOD_MS = 30 * 24 * 60 * 60 * 1000;
/** A running simulation that has not reported progress for this long is considered abandoned. */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;

// ---- OpenAPI building blocks --------------------------------------------------------------------

const TAG = "Rulesets";
const security = [{ bearer: [] }];

function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

function body<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } };
}

const errors = {
  400: json(ErrorSchema, "A parameter or field is invalid (named in details)"),
  401: json(ErrorSchema, "No valid bearer token"),
  403: json(ErrorSchema, "The token's role may not do this"),
};
const notFound = json(ErrorSchema, "No such draft, version, item or simulation");
const notOpen = json(ErrorSchema, "The draft was published and is read-only");

const DraftId = z.uuid().openapi({
  param: { name: "id", in: "path" },
  example: "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
});
const VersionNumber = z.coerce.number().int().positive();
const Code = z.string().min(1).max(64);
const RuleName = z.string().min(1).max(200);
const ClassName = z.string().regex(/^[a-z][a-z0-9_]*$/, {
  message: 'a time-limit class name uses lowercase letters, digits and "_", starting with a letter',
});

const draftParams = z.object({ id: DraftId });
const draftCodeParams = z.object({
  id: DraftId,
  code: Code.openapi({ param: { name: "code", in: "path" }, example: "MT-MZJ-005" }),
});
const draftRuleParams = z.object({
  id: DraftId,
  name: RuleName.openapi({ param: { name: "name", in: "path" }, example: "wages-to-hr" }),
});
const draftClassParams = z.object({
  id: DraftId,
  name: ClassName.openapi({ param: { name: "name", in: "path" }, example: "standard" }),
});
const versionParams = z.object({
  version: VersionNumber.openapi({ param: { name: "version", in: "path" }, example: 1 }),
});

/**
 * A custom method (`/drafts/{id}:publish`): documented with its real path, routed through a
 * Hono pattern that keeps the `:action` suffix out of the parameter (Hono reads `{id}:publish`
 * as one parameter named `id:publish`).
 */
function customMethod<R extends RouteConfig>(
  route: R,
  param: string,
  action: string,
  value: z.ZodType,
): R {
  const target = value as unknown as z.ZodType<unknown, string>;
  const suffix = `:${action}`;
  const path = route.path.replace(
    `{${param}}${suffix}`,
    `{${param}{[^/]+${suffix}}}`,
  );
  return {
    ...route,
    path,
    hide: true,
    request: {
      ...route.request,
      params: z.object({
        [param]: z.string().transform((text) => text.slice(0, -suffix.length)).pipe(target),
      }),
    },
  };
}

// ---- routes -------------------------------------------------------------------------------------

const listVersionsRoute = createRoute({
  method: "get",
  path: "/rulesets/versions",
  tags: [TAG],
  summary: "Every stored ruleset version, newest first",
  security,
  responses: {
    200: json(z.object({ versions: z.array(VersionMetaSchema) }), "The versions"),
    ...errors,
  },
});

const getVersionRoute = createRoute({
  method: "get",
  path: "/rulesets/versions/{version}",
  tags: [TAG],
  summary: "One version: its document and metadata",
  security,
  request: { params: versionParams },
  responses: { 200: json(VersionSchema, "The version"), ...errors, 404: notFound },
});

const activeRoute = createRoute({
  method: "get",
  path: "/rulesets/active",
  tags: [TAG],
  summary: "The active version: what routes every case now",
  security,
  responses: { 200: json(ActiveVersionSchema, "The active version"), ...errors },
});

const versionDiffRoute = createRoute({
  method: "get",
  path: "/rulesets/versions/{from}/diff/{to}",
  tags: [TAG],
  summary: "What changed from one version to another",
  security,
  request: {
    params: z.object({
      from: VersionNumber.openapi({ param: { name: "from", in: "path" }, example: 1 }),
      to: VersionNumber.openapi({ param: { name: "to", in: "path" }, example: 2 }),
    }),
  },
  responses: { 200: json(VersionDiffSchema, "The diff"), ...errors, 404: notFound },
});

const rollbackDoc = createRoute({
  method: "post",
  path: "/rulesets/versions/{version}:publish",
  tags: [TAG],
  summary: "Roll back (or forward): make a stored version active again",
  description:
    "Re-activates the version under its own number and hash (no new version is made), in one transaction with a `publish` entry in the decision log (`outcome.rollback: true`, with the diff from the version it replaces). Every instance switches within a second.",
  security,
  request: { params: versionParams, body: body(RollbackBodySchema) },
  responses: {
    200: json(PublishResultSchema, "The version is active again"),
    ...errors,
    404: notFound,
    409: json(ErrorSchema, "The version is already active"),
  },
});

const createDraftRoute = createRoute({
  method: "post",
  path: "/rulesets/drafts",
  tags: [TAG],
  summary: "Start a draft from the active version, another version, or a whole document",
  security,
  request: { body: body(CreateDraftBodySchema) },
  responses: { 201: json(DraftSchema, "The new draft"), ...errors },
});

const listDraftsRoute = createRoute({
  method: "get",
  path: "/rulesets/drafts",
  tags: [TAG],
  summary: "Drafts, most recently changed first",
  security,
  request: {
    query: z.object({
      status: z.enum(["open", "published"]).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: { 200: json(z.object({ drafts: z.array(DraftMetaSchema) }), "The drafts"), ...errors },
});

const getDraftRoute = createRoute({
  method: "get",
  path: "/rulesets/drafts/{id}",
  tags: [TAG],
  summary: "A draft: its document, validation findings and simulations",
  security,
  request: { params: draftParams },
  responses: { 200: json(DraftSchema, "The draft"), ...errors, 404: notFound },
});

const deleteDraftRoute = createRoute({
  method: "delete",
  path: "/rulesets/drafts/{id}",
  tags: [TAG],
  summary: "Discard an open draft and its simulations",
  security,
  request: { params: draftParams },
  responses: { 204: { description: "Discarded" }, ...errors, 404: notFound, 409: notOpen },
});

const draftDiffRoute = createRoute({
  method: "get",
  path: "/rulesets/drafts/{id}/diff",
  tags: [TAG],
  summary: "What publishing the draft would change, compared with the active version",
  security,
  request: { params: draftParams },
  responses: {
    200: json(z.object({ from: z.number().int(), diff: RulesetDiffSchema }), "The diff"),
    ...errors,
    404: notFound,
  },
});

const editResponses = {
  200: json(DraftSchema, "Changed: the draft with its findings"),
  201: json(DraftSchema, "Added: the draft with its findings"),
  ...errors,
  404: notFound,
  409: notOpen,
};

function itemRoute<P extends z.ZodObject, B extends z.ZodType>(
  method: "put" | "patch",
  path: string,
  summary: string,
  params: P,
  bodySchema: B,
) {
  return createRoute({
    method,
    path,
    tags: [TAG],
    summary,
    security,
    request: { params, body: body(bodySchema) },
    responses: editResponses,
  });
}

function deleteItemRoute<P extends z.ZodObject>(path: string, summary: string, params: P) {
  return createRoute({
    method: "delete",
    path,
    tags: [TAG],
    summary,
    security,
    request: { params },
    responses: editResponses,
  });
}

const putUnitRoute = itemRoute(
  "put",
  "/rulesets/drafts/{id}/units/{code}",
  "Add or replace a unit",
  draftCodeParams,
  UnitBodySchema,
);
const patchUnitRoute = itemRoute(
  "patch",
  "/rulesets/drafts/{id}/units/{code}",
  "Change some fields of a unit",
  draftCodeParams,
  UnitPatchSchema,
);
const deleteUnitRoute = deleteItemRoute(
  "/rulesets/drafts/{id}/units/{code}",
  "Remove a unit",
  draftCodeParams,
);
const putMatterTypeRoute = itemRoute(
  "put",
  "/rulesets/drafts/{id}/matter-types/{code}",
  "Add or replace a matter type of the admission list",
  draftCodeParams,
  MatterTypeBodySchema,
);
const patchMatterTypeRoute = itemRoute(
  "patch",
  "/rulesets/drafts/{id}/matter-types/{code}",
  "Change some fields of a matter type (owner, category, time-limit class, names)",
  draftCodeParams,
  MatterTypePatchSchema,
);
const deleteMatterTypeRoute = deleteItemRoute(
  "/rulesets/drafts/{id}/matter-types/{code}",
  "Remove a matter type",
  draftCodeParams,
);
const putRuleRoute = itemRoute(
  "put",
  "/rulesets/drafts/{id}/exception-rules/{name}",
  "Add or replace an exception rule (json-rules-engine format)",
  draftRuleParams,
  ExceptionRuleBodySchema,
);
const deleteRuleRoute = deleteItemRoute(
  "/rulesets/drafts/{id}/exception-rules/{name}",
  "Remove an exception rule",
  draftRuleParams,
);
const putFallbackRoute = itemRoute(
  "put",
  "/rulesets/drafts/{id}/fallback",
  "Set the fallback unit that gets every case no rule claims (人工派单)",
  draftParams,
  FallbackBodySchema,
);
const putClassRoute = itemRoute(
  "put",
  "/rulesets/drafts/{id}/time-limit-classes/{name}",
  "Add or replace a time-limit class",
  draftClassParams,
  TimeLimitClassSchema,
);
const deleteClassRoute = deleteItemRoute(
  "/rulesets/drafts/{id}/time-limit-classes/{name}",
  "Remove a time-limit class",
  draftClassParams,
);

const validateDoc = createRoute({
  method: "post",
  path: "/rulesets/drafts/{id}:validate",
  tags: [TAG],
  summary: "Validate a draft: every finding, with file, item, field and a zh/en message",
  description:
    "Errors block publishing; warnings do not. Besides the checks `rules/` gets, it finds exception rules that can never take effect because a rule weighed first always matches too (warning), and rules that claim the same cases for different owners at the same priority (error).",
  security,
  request: { params: draftParams },
  responses: { 200: json(ValidationSchema, "The findings"), ...errors, 404: notFound },
});

const publishDoc = createRoute({
  method: "post",
  path: "/rulesets/drafts/{id}:publish",
  tags: [TAG],
  summary: "Publish a draft as the next version, in force on every instance within a second",
  description:
    "One transaction stores the version, makes it active and appends a `publish` entry to the decision log whose outcome holds the diff to the previous version. A draft with error findings is refused (409, every finding listed) and nothing changes.",
  security,
  request: { params: draftParams, body: body(PublishBodySchema) },
  responses: {
    201: json(PublishResultSchema, "Published"),
    ...errors,
    404: notFound,
    409: json(
      RulesetRefusedSchema,
      "Refused: the draft has errors (findings listed), was already published, is identical to the active version, or `expected_active_version` is no longer active",
    ),
  },
});

const startSimulationRoute = createRoute({
  method: "post",
  path: "/rulesets/drafts/{id}/simulations",
  tags: [TAG],
  summary: "Replay the draft against the stored cases of a period (default: the last 30 days)",
  description:
    "Runs in the background; poll `GET /rulesets/simulations/{id}` for progress and the result: how many cases would move, from which owner to which (with sample case ids), and each unit's net load.",
  security,
  request: { params: draftParams, body: body(SimulationBodySchema) },
  responses: { 202: json(SimulationSchema, "Started"), ...errors, 404: notFound },
});

const listSimulationsRoute = createRoute({
  method: "get",
  path: "/rulesets/drafts/{id}/simulations",
  tags: [TAG],
  summary: "A draft's simulations with their results, newest first",
  security,
  request: { params: draftParams },
  responses: {
    200: json(z.object({ simulations: z.array(SimulationSchema) }), "The simulations"),
    ...errors,
    404: notFound,
  },
});

const getSimulationRoute = createRoute({
  method: "get",
  path: "/rulesets/simulations/{id}",
  tags: [TAG],
  summary: "A simulation: status, progress and (once done) the result",
  security,
  request: {
    params: z.object({
      id: z.uuid().openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: { 200: json(SimulationSchema, "The simulation"), ...errors, 404: notFound },
});

// ---- handlers ------------------------------------------------------------------------------------

const readers = requireRole("auditor", "policy_editor");
const editors = requireRole("policy_editor");

/** `/rulesets/...`: versions, drafts, validation, simulations, publish and rollback. */
export function rulesetsRoutes(deps: HttpDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { db } = deps;
  app.use("/rulesets/*", (c, next) => (c.req.method === "GET" ? readers : editors)(c, next));

  const actor = (c: Ctx) => `token:${c.get("caller").name}`;

  app.openapi(listVersionsRoute, async (c) => {
    const versions = await listVersions(db);
    return c.json({ versions: versions.map((v) => versionMetaJson(v, v.active)) }, 200);
  });

  app.openapi(getVersionRoute, async (c) => {
    const { version } = c.req.valid("param");
    const [found, activation] = await Promise.all([findVersion(db, version), findActivation(db)]);
    if (!found) return missing(c, "version", `No ruleset version ${version}`);
    return c.json({
      ...versionMetaJson(found, activation?.version === found.version),
      document: found.document,
    }, 200);
  });

  app.openapi(activeRoute, async (c) => {
    const [active, activation] = await Promise.all([findActiveVersion(db), findActivation(db)]);
    if (!active || !activation) throw new Error("the database has no active ruleset version");
    return c.json({
      ...versionMetaJson(active, true),
      document: active.document,
      activated_at: activation.activated_at.toISOString(),
      activated_by: activation.activated_by,
    }, 200);
  });

  app.openapi(versionDiffRoute, async (c) => {
    const { from, to } = c.req.valid("param");
    const [a, b] = await Promise.all([findVersion(db, from), findVersion(db, to)]);
    if (!a) return missing(c, "from", `No ruleset version ${from}`);
    if (!b) return missing(c, "to", `No ruleset version ${to}`);
    return c.json({ from, to, diff: diffRulesets(a.document, b.document) }, 200);
  });

  app.openapi(customMethod(rollbackDoc, "version", "publish", VersionNumber), async (c) => {
    const { version } = c.req.valid("param");
    const { note } = c.req.valid("json");
    const outcome = await republishVersion(db, version, {
      actor: actor(c),
      note,
      requestId: c.get("requestId"),
      now: deps.clock(),
    });
    if (outcome.status === "version_not_found") {
      return missing(c, "version", `No ruleset version ${version}`);
    }
    if (outcome.status === "already_active") {
      const message = `Version ${version} is already the active version`;
      return c.json(errorBody("conflict", message, [{ field: "version", message }]), 409);
    }
    await refreshRuleset(deps);
    return c.json({
      version: outcome.version,
      content_hash: outcome.content_hash,
      previous_version: outcome.previous_version,
      rollback: true,
      diff: outcome.diff,
      decision_seq: outcome.decision_seq,
      warnings: [],
    }, 200);
  });
  app.openAPIRegistry.registerPath(rollbackDoc);

  app.openapi(createDraftRoute, async (c) => {
    const input = c.req.valid("json");
    const meta = { note: input.note, author: actor(c), now: deps.clock() };
    if (input.document !== undefined && input.from_version !== undefined) {
      const message = "Give either from_version or document, not both";
      return c.json(errorBody("invalid_request", message, [{ field: "document", message }]), 400);
    }
    if (input.document !== undefined) {
      const shape = rulesetDocumentSchema.safeParse(input.document);
      if (!shape.success) {
        const parsed = parseRulesetDocument(input.document);
        const details = (parsed.ok ? [] : findingDetails(parsed.findings)).map((detail) => ({
          ...detail,
          field: `document.${detail.field}`,
        }));
        return c.json(
          errorBody("invalid_request", "The document is not a ruleset document", details),
          400,
        );
      }
      const created = await createDraft(db, { from: "document", document: shape.data }, meta);
      if (!created.ok) throw new Error("unreachable");
      return c.json(await draftJson(db, created.draft), 201);
    }
    const created = await createDraft(db, { from: "version", version: input.from_version }, meta);
    if (!created.ok) {
      const message = `No ruleset version ${input.from_version}`;
      return c.json(
        errorBody("invalid_request", message, [{ field: "from_version", message }]),
        400,
      );
    }
    return c.json(await draftJson(db, created.draft), 201);
  });

  app.openapi(listDraftsRoute, async (c) => {
    const { status, limit } = c.req.valid("query");
    const drafts = await listDrafts(db, { status, limit });
    return c.json({ drafts: drafts.map(draftMetaJson) }, 200);
  });

  app.openapi(getDraftRoute, async (c) => {
    const { id } = c.req.valid("param");
    const draft = await findDraft(db, id);
    if (!draft) return missingDraft(c, id);
    await failAbandoned();
    return c.json(await draftJson(db, draft), 200);
  });

  app.openapi(deleteDraftRoute, async (c) => {
    const { id } = c.req.valid("param");
    const outcome = await discardDraft(db, id);
    if (outcome === "not_found") return missingDraft(c, id);
    if (outcome === "published") return draftNotOpen(c);
    return c.body(null, 204);
  });

  app.openapi(draftDiffRoute, async (c) => {
    const { id } = c.req.valid("param");
    const draft = await findDraft(db, id);
    if (!draft) return missingDraft(c, id);
    const active = await findActiveVersion(db);
    if (!active) throw new Error("the database has no active ruleset version");
    return c.json(
      { from: active.version, diff: diffRulesets(active.document, draft.document) },
      200,
    );
  });

  /** Runs one edit and answers with the draft, or the reason it did nothing. */
  const edit = async (c: Ctx, id: string, change: RulesetEdit) => {
    const outcome = await editDraft(db, id, change, { actor: actor(c), now: deps.clock() });
    switch (outcome.status) {
      case "edited":
        return c.json(await draftJson(db, outcome.draft), outcome.created ? 201 : 200);
      case "draft_not_found":
        return missingDraft(c, id);
      case "draft_not_open":
        return draftNotOpen(c);
      case "item_not_found": {
        const field = "name" in change ? "name" : "code";
        return missing(c, field, `The draft has no item "${outcome.item}"`);
      }
      case "invalid": {
        // Only the edited item changed, and the path names it: name the field within it.
        const details = outcome.findings.map((finding) => ({
          field: finding.field || "body",
          message: finding.message.en,
        }));
        const summary = details.map((detail) => detail.field).join(", ");
        return c.json(errorBody("invalid_request", `Invalid ${summary}`, details), 400);
      }
    }
  };

  app.openapi(putUnitRoute, async (c) => {
    const { id, code } = c.req.valid("param");
    const input = c.req.valid("json");
    const problem = codeMismatch(c, "code", code, input.code);
    if (problem) return problem;
    const { code: _code, ...fields } = input;
    const unit = { code, ...fields };
    const parsed = unitsFileSchema.safeParse([unit]);
    if (!parsed.success) return badItem(c, RULESET_FILES.units, unit, parsed.error.issues);
    return await edit(c, id, { kind: "put_unit", unit: parsed.data[0] });
  });

  app.openapi(patchUnitRoute, async (c) => {
    const { id, code } = c.req.valid("param");
    return await edit(c, id, { kind: "patch_unit", code, changes: c.req.valid("json") });
  });

  app.openapi(deleteUnitRoute, async (c) => {
    const { id, code } = c.req.valid("param");
    return await edit(c, id, { kind: "delete_unit", code });
  });

  app.openapi(putMatterTypeRoute, async (c) => {
    const { id, code } = c.req.valid("param");
    const input = c.req.valid("json");
    const problem = codeMismatch(c, "code", code, input.code);
    if (problem) return problem;
    const { code: _code, ...fields } = input;
    const matterType = { code, ...fields };
    const parsed = matterTypesFileSchema.safeParse([matterType]);
    if (!parsed.success) {
      return badItem(c, RULESET_FILES.matter_types, matterType, parsed.error.issues);
    }
    return await edit(c, id, { kind: "put_matter_type", matterType: parsed.data[0] });
  });

  app.openapi(patchMatterTypeRoute, async (c) => {
    const { id, code } = c.req.valid("param");
    // Attributes are shape-checked with the whole document by editDraft (400 when wrong).
    const changes = c.req.valid("json") as Partial<Omit<MatterType, "code">>;
    return await edit(c, id, { kind: "patch_matter_type", code, changes });
  });

  app.openapi(deleteMatterTypeRoute, async (c) => {
    const { id, code } = c.req.valid("param");
    return await edit(c, id, { kind: "delete_matter_type", code });
  });

  app.openapi(putRuleRoute, async (c) => {
    const { id, name } = c.req.valid("param");
    const input = c.req.valid("json");
    const problem = codeMismatch(c, "name", name, input.name);
    if (problem) return problem;
    const rule: Record<string, unknown> = { name };
    if (input.description !== undefined) rule.description = input.description;
    if (input.priority !== undefined) rule.priority = input.priority;
    rule.conditions = input.conditions;
    rule.event = input.event;
    const parsed = exceptionRulesFileSchema.safeParse([rule]);
    if (!parsed.success) {
      return badItem(c, RULESET_FILES.exception_rules, rule, parsed.error.issues);
    }
    return await edit(c, id, { kind: "put_exception_rule", rule: parsed.data[0] });
  });

  app.openapi(deleteRuleRoute, async (c) => {
    const { id, name } = c.req.valid("param");
    return await edit(c, id, { kind: "delete_exception_rule", name });
  });

  app.openapi(putFallbackRoute, async (c) => {
    const { id } = c.req.valid("param");
    return await edit(c, id, { kind: "set_fallback", unit: c.req.valid("json").unit });
  });

  app.openapi(putClassRoute, async (c) => {
    const { id, name } = c.req.valid("param");
    return await edit(c, id, {
      kind: "put_time_limit_class",
      name,
      timeLimitClass: c.req.valid("json"),
    });
  });

  app.openapi(deleteClassRoute, async (c) => {
    const { id, name } = c.req.valid("param");
    return await edit(c, id, { kind: "delete_time_limit_class", name });
  });

  app.openapi(customMethod(validateDoc, "id", "validate", z.uuid()), async (c) => {
    const { id } = c.req.valid("param");
    const draft = await findDraft(db, id);
    if (!draft) return missingDraft(c, id);
    const validation = validationJson(reviewRuleset(draft.document));
    return c.json({ ok: validation.errors === 0, ...validation }, 200);
  });
  app.openAPIRegistry.registerPath(validateDoc);

  app.openapi(customMethod(publishDoc, "id", "publish", z.uuid()), async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const outcome = await publishDraft(db, id, {
      actor: actor(c),
      note: input.note,
      requestId: c.get("requestId"),
      now: deps.clock(),
    }, { expectedActiveVersion: input.expected_active_version });
    switch (outcome.status) {
      case "published":
        await refreshRuleset(deps);
        return c.json({
          version: outcome.version.version,
          content_hash: outcome.version.content_hash,
          previous_version: outcome.previous_version,
          rollback: false,
          diff: outcome.diff,
          decision_seq: outcome.decision_seq,
          warnings: outcome.warnings,
        }, 201);
      case "draft_not_found":
        return missingDraft(c, id);
      case "draft_not_open": {
        const message = `The draft was already published as version ${outcome.published_version}`;
        return refused(c, message, [{ field: "id", message }]);
      }
      case "invalid": {
        const errorCount = outcome.findings.filter((f) => f.severity === "error").length;
        const message = `The draft has ${errorCount} error${
          errorCount === 1 ? "" : "s"
        }; fix them before publishing (the active version is unchanged)`;
        const details = findingDetails(outcome.findings.filter((f) => f.severity === "error"));
        return refused(c, message, details, outcome.findings);
      }
      case "stale": {
        const message =
          `Version ${outcome.active_version} is active now, not ${input.expected_active_version}; review the diff and publish again`;
        return refused(c, message, [{ field: "expected_active_version", message }]);
      }
      case "unchanged": {
        const message =
          `The draft is identical to the active version ${outcome.active_version}; nothing to publish`;
        return refused(c, message, [{ field: "id", message }]);
      }
    }
  });
  app.openAPIRegistry.registerPath(publishDoc);

  app.openapi(startSimulationRoute, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const to = input.to ? new Date(input.to) : deps.clock();
    const from = input.from ? new Date(input.from) : new Date(to.getTime() - DEFAULT_PERIOD_MS);
    if (from.getTime() >= to.getTime()) {
      const message = "from must be before to";
      return c.json(errorBody("invalid_request", message, [{ field: "from", message }]), 400);
    }
    const outcome = await startSimulation(db, id, { from, to, baseline: input.baseline }, {
      actor: actor(c),
    });
    if (outcome.status === "draft_not_found") return missingDraft(c, id);
    const simulation = outcome.simulation;
    c.header("Location", `/api/v1/rulesets/simulations/${simulation.id}`);
    return c.json({ ...simulationJson(simulation, null), result: null }, 202);
  });

  app.openapi(listSimulationsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const draft = await findDraft(db, id);
    if (!draft) return missingDraft(c, id);
    await failAbandoned();
    const simulations = await listSimulations(db, draft.id);
    return c.json({
      simulations: simulations.map((simulation) => ({
        ...simulationJson(simulation, draft.content_hash),
        result: simulation.result,
      })),
    }, 200);
  });

  app.openapi(getSimulationRoute, async (c) => {
    await failAbandoned();
    const simulation = await findSimulation(db, c.req.valid("param").id);
    if (!simulation) return missing(c, "id", `No simulation ${c.req.valid("param").id}`);
    const draft = await findDraft(db, simulation.draft_id);
    return c.json({
      ...simulationJson(simulation, draft?.content_hash ?? null),
      result: simulation.result,
    }, 200);
  });

  /** Marks simulations whose instance stopped reporting as failed, before answering a poll. */
  async function failAbandoned(): Promise<void> {
    const now = new Date();
    await failAbandonedSimulations(db, new Date(now.getTime() - ABANDONED_AFTER_MS), now);
  }

  return app;
}

// ---- helpers ------------------------------------------------------------------------------------

// deno-lint-ignore no-explicit-any
type Ctx = Context<AppEnv, any, any>;

function missing(c: Ctx, field: string, message: string) {
  return c.json(errorBody("not_found", message, [{ field, message }]), 404);
}

function missingDraft(c: Ctx, id: string) {
  return missing(c, "id", `No draft ${id}`);
}

function draftNotOpen(c: Ctx) {
  const message = "The draft was published and is read-only; start a new draft";
  return c.json(errorBody("conflict", message, [{ field: "id", message }]), 409);
}

function refused(
  c: Ctx,
  message: string,
  details: ErrorDetail[],
  findings: Finding[] = [],
) {
  const { error } = errorBody("conflict", message, details);
  return c.json({ error: { ...error, findings } }, 409);
}

/** A body naming another item than the path does. */
function codeMismatch(
  c: Ctx,
  field: string,
  inPath: string,
  inBody: string | undefined,
) {
  if (inBody === undefined || inBody === inPath) return null;
  const message = `${field} "${inBody}" in the body differs from "${inPath}" in the path`;
  return c.json(errorBody("invalid_request", message, [{ field, message }]), 400);
}

function badItem(
  c: Ctx,
  file: RulesetFileName,
  item: unknown,
  issues: z.core.$ZodIssue[],
) {
  const details = zodIssuesToFindings(file, [item], issues).map((finding) => ({
    field: finding.field || "body",
    message: finding.message.en,
  }));
  const summary = details.map((detail) => detail.field).join(", ");
  return c.json(errorBody("invalid_request", `Invalid ${summary}`, details), 400);
}
