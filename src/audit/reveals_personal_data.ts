import type { ApiRole } from "../access/api_token.ts";

/**
 * Whether a role reads the decision log's personal data unmasked: only `admin`. Auditors (and
 * everyone else) get it masked in answers and exports.
 *
 * @example
 * ```ts
 * import { revealsPersonalData } from "./reveals_personal_data.ts";
 * revealsPersonalData("auditor"); // false
 * ```
 */
export function revealsPersonalData(role: ApiRole): boolean {
  return role === "admin";
}
