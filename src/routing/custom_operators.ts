/**
 * Whistle's own json-rules-engine operators (listed, with their meaning, as `CUSTOM_OPERATORS` in
 * `facts.ts`).
 *
 * @module
 */

import type { Engine } from "json-rules-engine";

/** `containsText`: the fact is a text that contains the value (exact, case-sensitive). */
function containsText(fact: unknown, value: unknown): boolean {
  return typeof fact === "string" && typeof value === "string" && fact.includes(value);
}

/** `containsAnyText`: the fact is a text that contains at least one text of the value list. */
function containsAnyText(fact: unknown, value: unknown): boolean {
  if (typeof fact !== "string" || !Array.isArray(value)) return false;
  for (const word of value) {
    if (typeof word === "string" && fact.includes(word)) return true;
  }
  return false;
}

/**
 * Registers `containsText` and `containsAnyText` on a json-rules-engine engine.
 *
 * @example
 * ```ts
 * import { Engine } from "json-rules-engine";
 * import { addCustomOperators } from "./custom_operators.ts";
 * const engine = new Engine([], { allowUndefinedFacts: true });
 * addCustomOperators(engine);
 * engine.addRule({
 *   name: "gas",
 *   conditions: { all: [{ fact: "text", operator: "containsAnyText", value: ["燃气泄漏"] }] },
 *   event: { type: "assign", params: { owner: "YG-XFDD" } },
 * });
 * const { events } = await engine.run({ text: "楼道里燃气泄漏" });
 * if (events.length !== 1) throw new Error("expected the rule to match");
 * ```
 */
export function addCustomOperators(engine: Engine): void {
  engine.addOperator<unknown, unknown>("containsText", containsText);
  engine.addOperator<unknown, unknown>("containsAnyText", containsAnyText);
}
