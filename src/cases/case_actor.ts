import type { ApiRole } from "../access/api_token.ts";

/**
 * Who acts on a case: the API caller's role and unit, and how the timeline and decision log name
 * them (`token:<name>`, or `system:<job>` for the sweeper).
 */
export interface CaseActor {
  /** As recorded: `token:hotline`, `system:sweeper`. */
  label: string;
  role: ApiRole | "system";
  /** The unit a `unit` token acts for; `null` for every other role. */
  unit: string | null;
  requestId: string | null;
}
