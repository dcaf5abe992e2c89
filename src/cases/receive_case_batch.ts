import { CaseInputError } from "./case_input_error.ts";
import { IntakeUnavailableError } from "./intake_errors.ts";
import type { IntakeOutcome } from "./intake_item.ts";
import type { NewCase } from "./new_case.ts";
import { type IntakeContext, type IntakeDeps, receiveCase } from "./receive_case.ts";

/** One item's answer in a batch: its outcome, or why it was refused. */
export type BatchItemResult =
  | { ok: true; outcome: IntakeOutcome }
  | { ok: false; error: CaseInputError | IntakeUnavailableError };

/**
 * Routes and stores many cases; each item succeeds or fails on its own (one bad item never
 * rejects the good ones). Items go through the same write queue as single cases, so they share
 * transactions with whatever else is waiting. `null` items are ones the caller already found
 * invalid; their slot is left for the caller to fill.
 */
export async function receiveCaseBatch(
  deps: IntakeDeps,
  inputs: readonly (NewCase | null)[],
  context: IntakeContext,
): Promise<(BatchItemResult | null)[]> {
  return await Promise.all(inputs.map(async (input) => {
    if (input === null) return null;
    try {
      return { ok: true as const, outcome: await receiveCase(deps, input, context) };
    } catch (error) {
      if (error instanceof CaseInputError || error instanceof IntakeUnavailableError) {
        return { ok: false as const, error };
      }
      throw error;
    }
  }));
}
