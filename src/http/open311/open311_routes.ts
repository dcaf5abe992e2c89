import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { CaseInputError } from "../../cases/case_input_error.ts";
import { IntakeUnavailableError } from "../../cases/intake_errors.ts";
import { receiveCase } from "../../cases/receive_case.ts";
import { discovery } from "../../open311/discovery.ts";
import { findServiceRequests } from "../../open311/find_service_requests.ts";
import { listServices } from "../../open311/list_services.ts";
import { pickLocale } from "../../open311/locale.ts";
import { Open311Error } from "../../open311/open311_error.ts";
import { param } from "../../open311/open311_params.ts";
import { parseServiceRequest } from "../../open311/parse_service_request.ts";
import { isCaseId, requestFilters } from "../../open311/request_filters.ts";
import { serviceDefinition } from "../../open311/service_definition.ts";
import { serviceNotice } from "../../open311/service_notice.ts";
import { servicesChangeset } from "../../open311/services_changeset.ts";
import { toServiceRequest } from "../../open311/to_service_request.ts";
import { w3cDatetime } from "../../open311/w3c_datetime.ts";
import type { AppEnv } from "../app_env.ts";
import type { HttpDeps } from "../http_deps.ts";
import { verifyApiKey } from "./open311_api_key.ts";
import {
  formatOfPath,
  open311ErrorResponse,
  type Open311Format,
  open311Respond,
  splitFormat,
} from "./open311_format.ts";
import { readOpen311Params } from "./read_open311_params.ts";

/** A path segment `{id}.json` or `{id}.xml`. */
const WITH_FORMAT = "{[^/]+\\.(?:json|xml)}";

/**
 * Open311 GeoReport v2, mounted at `/open311/v2`: every method in `.json` and `.xml`.
 *
 * - `GET discovery`, `GET services`, `GET services/{service_code}` (its definition);
 * - `POST requests` (form-encoded, multipart or JSON; `api_key` = a Whistle token of role
 *   intake): routed and stored by `receiveCase`, like `POST /api/v1/cases`;
 * - `GET requests` (filters `service_request_id`, `service_code`, `status`, `start_date`,
 *   `end_date`; at most 90 days), `GET requests/{id}`, `GET tokens/{token}`.
 *
 * Reading needs no key (as the specification intends) and never shows the reporter. Errors are
 * GeoReport v2 error lists with 400, 403 or 404 (503 when intake cannot store now).
 * `jurisdiction_id` is accepted and ignored: one Whistle serves one jurisdiction. Names follow
 * the `locale` parameter or `Accept-Language` (zh or en; Chinese by default).
 */
export function open311Routes(deps: HttpDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    const format = formatOfPath(c.req.path);
    if (error instanceof Open311Error) return open311ErrorResponse(c, format, error);
    if (error instanceof CaseInputError) {
      return open311ErrorResponse(c, format, new Open311Error(400, [error.message]));
    }
    if (error instanceof IntakeUnavailableError) {
      c.header("Retry-After", String(error.retryAfterSeconds));
      return open311ErrorResponse(c, format, new Open311Error(503, [error.message]));
    }
    deps.logger.error("unhandled error", {
      request_id: c.get("requestId"),
      method: c.req.method,
      error: String(error),
      stack: error.stack,
    });
    return open311Respond(c, format, 500, "errors", [
      { code: 500, description: "Internal error; it has been logged" },
    ]);
  });

  app.use(
    bodyLimit({
      maxSize: deps.limits.maxBodyBytes,
      onError: (c) =>
        open311ErrorResponse(
          c,
          formatOfPath(c.req.path),
          new Open311Error(400, [`the body is larger than ${deps.limits.maxBodyBytes} bytes`]),
        ),
    }),
  );

  const locale = (c: Context) => pickLocale(c.req.query("locale"), c.req.header("accept-language"));
  const both = (
    method: "GET" | "POST",
    path: string,
    handler: (c: Context<AppEnv>, format: Open311Format) => Promise<Response> | Response,
  ) => {
    for (const format of ["json", "xml"] as const) {
      app.on(method, `${path}.${format}`, (c) => handler(c, format));
    }
  };

  both("GET", "/discovery", async (c, format) => {
    const changed = await servicesChangeset(deps.db);
    const url = new URL(c.req.url);
    const base = `${url.origin}${c.req.path.replace(/\/discovery\.(json|xml)$/, "")}`;
    return open311Respond(
      c,
      format,
      200,
      "discovery",
      discovery(base, w3cDatetime(changed ?? new Date(0))),
    );
  });

  both(
    "GET",
    "/services",
    (c, format) =>
      open311Respond(c, format, 200, "services", listServices(deps.ruleset.current, locale(c))),
  );

  app.get(`/services/:service_code${WITH_FORMAT}`, (c) => {
    const { id, format } = splitFormat(c.req.param("service_code"));
    const definition = serviceDefinition(deps.ruleset.current, id);
    if (!definition) {
      throw new Open311Error(404, [
        `service_code ${id} was not found (GET services.${format} lists the services)`,
      ]);
    }
    return open311Respond(c, format, 200, "service_definition", definition);
  });

  both("POST", "/requests", async (c, format) => {
    const params = await readOpen311Params(c);
    const caller = await verifyApiKey(deps.tokens, params, c.req.header("authorization"));
    c.set("caller", caller);
    const ruleset = deps.ruleset.current;
    const now = deps.clock();
    const input = parseServiceRequest(params, ruleset, {
      source: caller.name,
      now,
      idempotencyKey: c.req.header("idempotency-key"),
    });
    const outcome = await receiveCase(
      { ruleset, queue: deps.intake, now, observer: deps.metrics },
      input,
      { actor: `token:${caller.name}`, requestId: c.get("requestId") },
    );
    const unit = ruleset.units.get(outcome.case.owner);
    const lang = locale(c);
    const agency = unit ? (lang === "zh" ? unit.name_zh : unit.name_en) : outcome.case.owner;
    return open311Respond(
      c,
      format,
      outcome.status === "created" ? 201 : 200,
      "service_requests",
      [{
        service_request_id: outcome.case.id,
        service_notice: serviceNotice(agency, new Date(outcome.case.deadlines.resolve_by), lang),
        account_id: param(params, "account_id") ?? null,
      }],
    );
  });

  both("GET", "/requests", async (c, format) => {
    const filters = requestFilters(new Map(Object.entries(c.req.queries())), deps.clock());
    const rows = await findServiceRequests(deps.db, filters);
    const ruleset = deps.ruleset.current;
    const lang = locale(c);
    return open311Respond(
      c,
      format,
      200,
      "service_requests",
      rows.map((row) => toServiceRequest(row, ruleset, lang)),
    );
  });

  app.get(`/requests/:service_request_id${WITH_FORMAT}`, async (c) => {
    const { id, format } = splitFormat(c.req.param("service_request_id"));
    const rows = isCaseId(id)
      ? await findServiceRequests(deps.db, { kind: "ids", ids: [id.toLowerCase()] })
      : [];
    if (rows.length === 0) {
      throw new Open311Error(404, [`service_request_id ${id} was not found`]);
    }
    const ruleset = deps.ruleset.current;
    return open311Respond(
      c,
      format,
      200,
      "service_requests",
      rows.map((row) => toServiceRequest(row, ruleset, locale(c))),
    );
  });

  // Whistle answers every POST with the case id at once, so a token is never needed; a client
  // that asks anyway with the id it got is answered with that id.
  app.get(`/tokens/:token${WITH_FORMAT}`, async (c) => {
    const { id, format } = splitFormat(c.req.param("token"));
    const rows = isCaseId(id)
      ? await findServiceRequests(deps.db, { kind: "ids", ids: [id.toLowerCase()] })
      : [];
    if (rows.length === 0) throw new Open311Error(404, [`token ${id} was not found`]);
    return open311Respond(c, format, 200, "service_requests", [
      { service_request_id: rows[0].id, token: id },
    ]);
  });

  app.all("*", (c) => {
    throw new Open311Error(404, [
      `no Open311 method ${c.req.method} ${c.req.path}; see discovery.json`,
    ]);
  });
  return app;
}
