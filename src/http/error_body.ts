import { z } from "@hono/zod-openapi";

/** One problem with the request, naming the field (a dotted path, `body` for the whole body). */
export interface ErrorDetail {
  field: string;
  message: string;
}

/** Machine-readable error codes. */
export type ErrorCode =
  | "invalid_request"
  | "malformed_json"
  | "unsupported_media_type"
  | "payload_too_large"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "unknown_matter_type"
  | "conflict"
  | "service_unavailable"
  | "internal_error";

/** The JSON every error answers with. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}

/**
 * Builds the error body.
 *
 * @example
 * ```ts
 * import { errorBody } from "./error_body.ts";
 * errorBody("not_found", "No case 42").error.details; // []
 * ```
 */
export function errorBody(
  code: ErrorCode,
  message: string,
  details: ErrorDetail[] = [],
): ErrorBody {
  return { error: { code, message, details } };
}

/** The error body, for the OpenAPI document. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_request" }),
      message: z.string().openapi({ example: "The request body has 1 problem" }),
      details: z.array(
        z.object({
          field: z.string().openapi({ example: "location.lat" }),
          message: z.string().openapi({ example: "Too big: expected number to be <=90" }),
        }),
      ),
    }),
  })
  .openapi("Error");
