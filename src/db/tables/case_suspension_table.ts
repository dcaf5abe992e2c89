/** A suspension (挂起) of a case: why, by whom, and when it ended. */
export interface CaseSuspensionTable {
  id: string;
  case_id: string;
  reason: string;
  suspended_at: Date;
  suspended_by: string;
  /** When it resumes by itself (a `resume` timer), if set. */
  resume_at: Date | null;
  resumed_at: Date | null;
  resumed_by: string | null;
  resume_note: string | null;
}
