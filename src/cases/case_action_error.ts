/**
 * Why a case action was refused, as the HTTP layer answers it: 404 (no such case), 403 (not this
 * caller's case), 409 (not in this state: the current state is named) or 400 (a bad value).
 *
 * @module
 */

/** The status and code a refused case action answers with. */
export type CaseActionRefusal =
  | { status: 400; code: "invalid_request" }
  | { status: 403; code: "forbidden" }
  | { status: 404; code: "not_found" }
  | { status: 409; code: "conflict" };

/**
 * A case action that cannot be done; nothing was changed.
 *
 * @example
 * ```ts
 * import { CaseActionError } from "./case_action_error.ts";
 * const error = CaseActionError.conflict("resolved", "The case is resolved; only close is possible");
 * error.status; // 409
 * error.field; // "state"
 * ```
 */
export class CaseActionError extends Error {
  constructor(
    readonly refusal: CaseActionRefusal,
    message: string,
    /** The field (or `state`, `authorization`) the refusal is about. */
    readonly field: string,
    /** The case's state when it was refused (for 409s). */
    readonly state?: string,
  ) {
    super(message);
    this.name = "CaseActionError";
  }

  get status(): 400 | 403 | 404 | 409 {
    return this.refusal.status;
  }

  /** 409: the case (or one of its assignments) is not in a state that allows the action. */
  static conflict(state: string, message: string, field = "state"): CaseActionError {
    return new CaseActionError({ status: 409, code: "conflict" }, message, field, state);
  }

  /** 403: the caller may not act on this case (or not this way). */
  static forbidden(message: string): CaseActionError {
    return new CaseActionError({ status: 403, code: "forbidden" }, message, "authorization");
  }

  /** 404: no such case (or extension). */
  static notFound(message: string, field = "id"): CaseActionError {
    return new CaseActionError({ status: 404, code: "not_found" }, message, field);
  }

  /** 400: a value the caller sent cannot be used. */
  static invalid(field: string, message: string): CaseActionError {
    return new CaseActionError({ status: 400, code: "invalid_request" }, message, field);
  }
}
