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

/**
 * Watches intake (metrics): how long each decision took and what became of each case. Defined
 * here so that intake depends on no metrics library; `WhistleMetrics` implements it.
 */
export interface IntakeObserver {
  /** `decide()` took `seconds`. */
  decided(seconds: number): void;
  /** A case was stored (`created`), found stored already (`existing`), or not taken (`refused`). */
  received(input: NewCase, outcome: "created" | "existing" | "refused"): void;
}

/** What intake needs: the ruleset in force, the write queue, and the time. */
export interface IntakeDeps {
  ruleset: CompiledRuleset;
  queue: IntakeQueue;
  now: Date;
  /** Told about every decision and outcome, when set. */
  observer?: IntakeObserver;
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
  try {
    assertKnownMatterType(deps.ruleset, input.type);
    const facts = caseFacts(input);
    const started = performance.now();
    const decision = await decide(deps.ruleset, facts, deps.now);
    deps.observer?.decided((performance.now() - started) / 1000);
    const outcome = await deps.queue.submit({
      id: crypto.randomUUID(),
      input,
      facts,
      decision,
      receivedAt: deps.now,
      actor: context.actor,
      requestId: context.requestId,
    });
    deps.observer?.received(input, outcome.status);
    return outcome;
  } catch (error) {
    deps.observer?.received(input, "refused");
    throw error;
  }
}
