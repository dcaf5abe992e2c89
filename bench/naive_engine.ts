/**
 * The naive baseline the routing benchmarks compare with: one json-rules-engine engine holding
 * every exception rule, run per case with the facts and the derived facts. It only finds the
 * matching rules (no owner, reason or deadlines), so it is a lower bound of a naive `decide()`.
 *
 * @module
 */

import { Engine } from "json-rules-engine";
import { beijingTime } from "../src/routing/beijing_time.ts";
import { addCustomOperators } from "../src/routing/custom_operators.ts";
import type { CaseFacts } from "../src/routing/facts.ts";
import type { RulesetDocument } from "../src/routing/ruleset.ts";

/** A function that runs one case through the single engine and resolves to the matched events. */
export type NaiveRouter = (facts: CaseFacts) => Promise<number>;

/**
 * Builds the single engine for `document` and returns a router that runs it per case (and
 * resolves to the number of matched rules).
 */
export function naiveRouter(document: RulesetDocument): NaiveRouter {
  const engine = new Engine([], { allowUndefinedFacts: true });
  addCustomOperators(engine);
  for (const rule of document.exception_rules) {
    engine.addRule({
      name: rule.name,
      priority: rule.priority,
      conditions: rule.conditions,
      event: rule.event,
    });
  }
  const categories = new Map(document.matter_types.map((type) => [type.code, type.category]));
  return async (facts) => {
    const time = beijingTime(facts.reported_at);
    const { events } = await engine.run({
      ...facts,
      category: categories.get(facts.type),
      hour: time?.hour,
      weekday: time?.weekday,
    });
    return events.length;
  };
}
