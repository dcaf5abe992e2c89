import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { CaseInputError } from "../cases/case_input_error.ts";
import { IntakeUnavailableError } from "../cases/intake_errors.ts";
import { createLogger, type Logger } from "../observability/logger.ts";
import { errorBody, type ErrorCode } from "./error_body.ts";
import { routeLabel } from "./route_label.ts";

/** Where errors go when no logger is given: JSON lines on stderr. */
const stderrLogger = createLogger({ write: (line) => console.error(line) });

function codeForStatus(status: number, message: string): ErrorCode {
  if (status === 400 && /json/i.test(message)) return "malformed_json";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 413) return "payload_too_large";
  if (status === 415) return "unsupported_media_type";
  if (status === 409) return "conflict";
  if (status === 503) return "service_unavailable";
  return status < 500 ? "invalid_request" : "internal_error";
}

/**
 * The app's `onError`, logging to `logger`: see {@link handleError}.
 *
 * @example
 * ```ts ignore
 * app.onError(errorHandler(logger));
 * ```
 */
export function errorHandler(logger: Logger): (error: Error, c: Context) => Response {
  return (error, c) => handleError(error, c, logger);
}

/**
 * The app's `onError`: every error becomes the JSON error shape. Callers' mistakes are 4xx and
 * name the field; an unavailable database is 503 with Retry-After; anything else is a 500 whose
 * body says nothing of the internals (the stack goes to the log, never to the caller).
 */
export function handleError(error: Error, c: Context, logger: Logger = stderrLogger): Response {
  if (error instanceof CaseInputError) {
    return c.json(
      errorBody("unknown_matter_type", error.message, [{
        field: error.field,
        message: error.message,
      }]),
      422,
    );
  }
  if (error instanceof IntakeUnavailableError) {
    c.header("Retry-After", String(error.retryAfterSeconds));
    return c.json(errorBody("service_unavailable", error.message), 503);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const message = error.message || "Request refused";
    const field = status === 400 || status === 413 || status === 415 ? "body" : "request";
    return c.json(
      errorBody(codeForStatus(status, message), message, [{ field, message }]),
      status,
    );
  }
  logger.error("unhandled error", {
    request_id: c.get("requestId"),
    method: c.req.method,
    route: routeLabel(c),
    error: String(error),
    stack: error.stack,
  });
  return c.json(errorBody("internal_error", "Internal error; it has been logged"), 500);
}
