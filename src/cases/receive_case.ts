import type { CompiledRuleset } from "../routing/compile_ruleset.ts";
import { decide } from "../routing/decide.ts";
import { assertKnownMatterType } from "./assert_known_matter_type.ts";
import type { IntakeOutcome } from "./intake_item.ts";
import type { IntakeQueue } from "./intake_queue.ts";
import { caseFacts, type NewCase } from "./new_case.ts";

/** Who is posting, for the decision log. */
export interface IntakeContext {
  actor: string;
  requestId: string | null;
}

/** What intake needs: the ruleset in force, the write queue, and the time. */
export interface IntakeDeps {
  ruleset: CompiledRuleset;
  queue: IntakeQueue;
  now: Date;
}

/**
 * Routes a reported case with the active ruleset and stores it with its decision. Resolves after
 * the case is committed; an unknown matter type is refused with `CaseInputError` before
 * anything is stored.
 */
export async function receiveCase(
  deps: IntakeDeps,
  input: NewCase,
  context: IntakeContext,
): Promise<IntakeOutcome> {
  assertKnownMatterType(deps.ruleset, input.type);
  const facts = caseFacts(input);
  const decision = await decide(deps.ruleset, facts, deps.now);
  return await deps.queue.submit({
    id: crypto.randomUUID(),
    input,
    facts,
    decision,
    receivedAt: deps.now,
    actor: context.actor,
    requestId: context.requestId,
  });
}
