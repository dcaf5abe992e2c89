/**
 * What an API token may do:
 * - `intake`: upstream systems (hotline, grid app) post cases and read them back;
 * - `unit`: a unit's handlers act on that unit's cases (the token names the unit);
 * - `policy_editor`: edit, simulate and publish rulesets;
 * - `auditor`: read everything, change nothing;
 * - `dispatcher`: the dispatch desk (派单员 at the hotline or governance center): reassigns
 *   cases, decides extension requests, suspends and resumes, records feedback;
 * - `admin`: everything.
 */
export type ApiRole = "intake" | "unit" | "policy_editor" | "auditor" | "dispatcher" | "admin";

/** Every role, for validation and docs. */
export const API_ROLES: readonly ApiRole[] = [
  "intake",
  "unit",
  "policy_editor",
  "auditor",
  "dispatcher",
  "admin",
];

/** A caller identified by its bearer token. */
export interface ApiCaller {
  tokenId: string;
  name: string;
  role: ApiRole;
  /** When set, the caller acts only on this unit's cases. */
  unitCode: string | null;
}

/** Prefix of every Whistle API token, so a leaked one is recognisable in logs and scanners. */
export const TOKEN_PREFIX = "wst_";
