/**
 * `decide()` against the naive baseline (one json-rules-engine engine holding every rule, run
 * per case) at 10, 100, 1,000 and 10,000 exception rules. Cases cycle through 2,000 synthetic
 * cases of matter types that have rules (see `synthetic_ruleset.ts`). The naive engine gets few
 * iterations at 1,000 and 10,000 rules (each run takes milliseconds); `decide_summary.ts` prints
 * the medians and ratios.
 *
 * @module
 */

import { compileRuleset } from "../src/routing/compile_ruleset.ts";
import { decide } from "../src/routing/decide.ts";
import { naiveRouter } from "./naive_engine.ts";
import { syntheticCases, syntheticRuleset } from "./synthetic_ruleset.ts";

const NOW = new Date("2026-03-09T00:00:00Z");

for (const ruleCount of [10, 100, 1_000, 10_000]) {
  const document = syntheticRuleset(ruleCount);
  const compiled = compileRuleset(document, { version: 1, hash: "bench" });
  const naive = naiveRouter(document);
  const cases = syntheticCases(ruleCount, 2_000);
  let i = 0;
  let j = 0;
  const group = `${ruleCount} rules`;
  Deno.bench({
    name: `decide, ${ruleCount} rules`,
    group,
    baseline: true,
    async fn() {
      await decide(compiled, cases[i++ % cases.length], NOW);
    },
  });
  Deno.bench({
    name: `naive single engine, ${ruleCount} rules`,
    group,
    n: ruleCount >= 10_000 ? 5 : ruleCount >= 1_000 ? 40 : undefined,
    warmup: ruleCount >= 1_000 ? 1 : undefined,
    async fn() {
      await naive(cases[j++ % cases.length]);
    },
  });
}
