/**
 * Medians of `decide()` and of the naive single-engine baseline at 10 to 10,000 exception rules,
 * measured here (warm-up, then many batches timed with `performance.now()`; a batch's time over
 * its size is one per-call timing; the median of those is reported). Runs after `deno bench`
 * in `deno task bench` and ends with one summary line.
 *
 * @module
 */

import { compileRuleset } from "../src/routing/compile_ruleset.ts";
import { decide } from "../src/routing/decide.ts";
import type { CaseFacts } from "../src/routing/facts.ts";
import { naiveRouter } from "./naive_engine.ts";
import { syntheticCases, syntheticRuleset } from "./synthetic_ruleset.ts";

const NOW = new Date("2026-03-09T00:00:00Z");
const SIZES = [10, 100, 1_000, 10_000];

interface Plan {
  warmup: number;
  batches: number;
  batchSize: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Per-call microseconds of `run` over the cases: the median over batches. */
async function measure(
  cases: readonly CaseFacts[],
  run: (facts: CaseFacts) => Promise<unknown>,
  plan: Plan,
): Promise<number> {
  let next = 0;
  for (let i = 0; i < plan.warmup; i++) await run(cases[next++ % cases.length]);
  const perCall: number[] = [];
  for (let b = 0; b < plan.batches; b++) {
    const start = performance.now();
    for (let i = 0; i < plan.batchSize; i++) await run(cases[next++ % cases.length]);
    perCall.push(((performance.now() - start) * 1000) / plan.batchSize);
  }
  return median(perCall);
}

function naivePlan(ruleCount: number): Plan {
  if (ruleCount >= 10_000) return { warmup: 1, batches: 5, batchSize: 1 };
  if (ruleCount >= 1_000) return { warmup: 3, batches: 31, batchSize: 1 };
  if (ruleCount >= 100) return { warmup: 20, batches: 101, batchSize: 1 };
  return { warmup: 200, batches: 101, batchSize: 10 };
}

const rows: string[][] = [];
let decideAt10k = NaN;
let ratioAt1k = NaN;
for (const ruleCount of SIZES) {
  const document = syntheticRuleset(ruleCount);
  const compileStart = performance.now();
  const compiled = compileRuleset(document, { version: 1, hash: "bench" });
  const compileMs = performance.now() - compileStart;
  const cases = syntheticCases(ruleCount, 2_000);
  let matching = 0;
  for (const facts of cases) {
    if ((await decide(compiled, facts, NOW)).matched_rules.length > 0) matching++;
  }
  const decideUs = await measure(cases, (facts) => decide(compiled, facts, NOW), {
    warmup: 20_000,
    batches: 301,
    batchSize: 100,
  });
  const naive = naiveRouter(document);
  const naiveUs = await measure(cases, naive, naivePlan(ruleCount));
  const ratio = naiveUs / decideUs;
  if (ruleCount === 10_000) decideAt10k = decideUs;
  if (ruleCount === 1_000) ratioAt1k = ratio;
  rows.push([
    String(ruleCount),
    String(document.matter_types.length),
    `${Math.round((100 * matching) / cases.length)} %`,
    compileMs.toFixed(0),
    decideUs.toFixed(2),
    naiveUs.toFixed(0),
    `${ratio.toFixed(0)}x`,
  ]);
}

const header = [
  "rules",
  "types",
  "cases matching",
  "compile ms",
  "decide median us",
  "naive median us",
  "naive/decide",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(" | ")} |`;
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of rows) console.log(line(row));
console.log(
  `decide: median ${decideAt10k.toFixed(2)} us at 10000 rules; naive/decide at 1000 rules: ${
    ratioAt1k.toFixed(0)
  }x`,
);
