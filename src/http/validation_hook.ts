import type { Context } from "hono";
import type { ZodError } from "zod";
import { errorBody } from "./error_body.ts";

/** Turns a zod issue path into the dotted field name callers see (`items[3].location.lat`). */
function fieldName(path: readonly PropertyKey[], target: string): string {
  if (path.length === 0) return target === "json" ? "body" : target;
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
}

/**
 * The `defaultHook` of every OpenAPI sub-app: a request that fails its schema gets a 400 with one
 * detail per problem, each naming the field.
 */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const details = result.error.issues.slice(0, 50).map((issue) => ({
    field: fieldName(issue.path, result.target),
    message: issue.message,
  }));
  const summary = details.map((d) => d.field).join(", ");
  return c.json(
    errorBody("invalid_request", `Invalid ${summary}`, details),
    400,
  );
}
