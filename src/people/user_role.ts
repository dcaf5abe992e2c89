/**
 * Who may do what in the browser admin.
 *
 * - `admin`: everything, and manages users and API tokens;
 * - `policy_editor`: drafts, simulates and publishes rules;
 * - `auditor`: reads everything (users and tokens included), changes nothing;
 * - `viewer`: reads the rules, versions and overview, changes nothing.
 *
 * @module
 */

/** The role of an admin user. */
export type UserRole = "admin" | "policy_editor" | "auditor" | "viewer";

/** Every role, most powerful first. */
export const USER_ROLES: readonly UserRole[] = ["admin", "policy_editor", "auditor", "viewer"];

/** What a request needs. */
export type Permission =
  /** Read rules, versions, drafts, simulations; try a case. */
  | "read"
  /** Change drafts, simulate, publish, roll back. */
  | "edit_rules"
  /** Read the users and API tokens lists. */
  | "read_access"
  /** Create, change and revoke users and API tokens. */
  | "manage_access";

const GRANTS: Record<UserRole, readonly Permission[]> = {
  admin: ["read", "edit_rules", "read_access", "manage_access"],
  policy_editor: ["read", "edit_rules"],
  auditor: ["read", "read_access"],
  viewer: ["read"],
};

/**
 * True when `role` has `permission`.
 *
 * @example
 * ```ts
 * import { isUserRole, roleCan, USER_ROLES } from "./user_role.ts";
 * roleCan("auditor", "edit_rules"); // false
 * roleCan("policy_editor", "edit_rules"); // true
 * isUserRole("root"); // false
 * USER_ROLES.length; // 4
 * ```
 */
export function roleCan(role: UserRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** True for one of {@link USER_ROLES}. */
export function isUserRole(value: unknown): value is UserRole {
  return typeof value === "string" && (USER_ROLES as readonly string[]).includes(value);
}
