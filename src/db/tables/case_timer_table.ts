import type { ColumnType, Generated } from "kysely";

/** What a timer does when it comes due. */
export type TimerKind =
  | "warn_accept"
  | "escalate_accept"
  | "warn_resolve"
  | "escalate_resolve"
  | "resume";

/** Due work of the sweeper; `fired_at` null until it fired (or was found obsolete). */
export interface CaseTimerTable {
  id: Generated<number>;
  case_id: string;
  /** The assignment a warning or escalation is about; null for a case's automatic resumption. */
  assignment_id: string | null;
  kind: TimerKind;
  due_at: Date;
  fired_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** warned, escalated, no_higher_unit, resumed, obsolete. */
  outcome: ColumnType<string | null, string | null | undefined, string | null>;
}
