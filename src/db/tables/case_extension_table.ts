/** An extension (延期) request and its decision. */
export interface CaseExtensionTable {
  id: string;
  case_id: string;
  assignment_id: string;
  unit: string;
  reason: string;
  requested_by: string;
  requested_at: Date;
  /** The deadline when it was asked for. */
  previous_due: Date;
  proposed_due: Date;
  status: "pending" | "approved" | "refused";
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  /** The deadline granted (the proposed one, or a shorter one). */
  granted_due: Date | null;
}
