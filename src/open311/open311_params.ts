/**
 * The parameters of an Open311 request, every value of every name, as sent (form fields, JSON
 * members or query parameters flattened to names like `attribute[WIDTH]`).
 */
export type Open311Params = ReadonlyMap<string, readonly string[]>;

/**
 * The first value of a parameter, trimmed; `undefined` when absent or blank.
 *
 * @example
 * ```ts
 * import { param } from "./open311_params.ts";
 * param(new Map([["service_code", [" MT-1 "]]]), "service_code"); // "MT-1"
 * ```
 */
export function param(params: Open311Params, name: string): string | undefined {
  const value = params.get(name)?.[0]?.trim();
  return value === undefined || value === "" ? undefined : value;
}
