import type { Decision } from "../routing/decision.ts";
import type { CaseFacts } from "../routing/facts.ts";
import type { CaseRecord } from "./case_record.ts";
import type { NewCase } from "./new_case.ts";

/** A routed case waiting to be stored with its decision. */
export interface IntakeItem {
  /** The id the case gets if it is new. */
  id: string;
  input: NewCase;
  facts: CaseFacts;
  decision: Decision;
  receivedAt: Date;
  actor: string;
  requestId: string | null;
}

/** What intake answers for one case, after the transaction holding it has committed. */
export interface IntakeOutcome {
  /** `created` for a new case; `existing` when (source, external_id) was already stored. */
  status: "created" | "existing";
  case: CaseRecord;
  /** The decision that routed the case when it was first received. */
  decision: Decision;
}
