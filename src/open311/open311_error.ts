/** One error in Open311's shape: the HTTP status as `code`, and what went wrong. */
export interface Open311ErrorItem {
  code: number;
  description: string;
}

/** The HTTP statuses Open311 errors use: the caller's mistakes, and 503 when intake cannot store. */
export type Open311HttpStatus = 400 | 403 | 404 | 503;

/**
 * A request Open311 answers with an error list (GeoReport v2: `<errors><error><code/>
 * <description/></error></errors>`). Every item carries the response's status as its `code`.
 *
 * @example
 * ```ts
 * import { Open311Error } from "./open311_error.ts";
 * const e = new Open311Error(404, ["service_code MT-X was not found"]);
 * e.items; // [{ code: 404, description: "service_code MT-X was not found" }]
 * ```
 */
export class Open311Error extends Error {
  readonly items: Open311ErrorItem[];

  constructor(readonly status: Open311HttpStatus, descriptions: readonly string[]) {
    super(descriptions.join("; "));
    this.name = "Open311Error";
    this.items = descriptions.map((description) => ({ code: status, description }));
  }
}
