import assert from "node:assert/strict";
import fc from "fast-check";
import { Engine } from "json-rules-engine";
import { compileRuleset } from "../../src/routing/compile_ruleset.ts";
import { addCustomOperators } from "../../src/routing/custom_operators.ts";
import { decide } from "../../src/routing/decide.ts";
import type { CaseFacts } from "../../src/routing/facts.ts";
import { ruleGates } from "../../src/routing/rule_gates.ts";
import type { ExceptionRule, RulesetDocument } from "../../src/routing/ruleset.ts";
import { assignRule, fixtureDocument, NOW, raiseRule } from "./fixtures.ts";

const equal = (a: unknown, b: unknown) => a === b;
const lookup = (name: string) => (name === "equal" ? equal : null);

Deno.test("ruleGates() limits a rule to the types of its type condition", () => {
  assert.deepEqual(
    ruleGates({ all: [{ fact: "type", operator: "equal", value: "A" }] }, lookup).types,
    ["A"],
  );
  assert.deepEqual(
    ruleGates({
      all: [{ all: [{ fact: "type", operator: "in", value: ["A", "B", "A"] }] }],
    }, lookup).types,
    ["A", "B"],
  );
  // Inside any or not, or with a path, a type condition does not limit the rule.
  for (
    const conditions of [
      { any: [{ fact: "type", operator: "equal", value: "A" }] },
      { all: [{ any: [{ fact: "type", operator: "equal", value: "A" }] }] },
      { all: [{ not: { fact: "type", operator: "equal", value: "A" } }] },
      { all: [{ fact: "type", path: "$.x", operator: "equal", value: "A" }] },
      { all: [{ fact: "type", operator: "notIn", value: ["A"] }] },
    ]
  ) {
    assert.equal(ruleGates(conditions, lookup).types, null, JSON.stringify(conditions));
  }
});

Deno.test("ruleGates() calls a rule exact only when its gates say everything", () => {
  const leaf = { fact: "area_code", operator: "equal", value: "A" };
  const exact = (conditions: Parameters<typeof ruleGates>[0]) =>
    ruleGates(conditions, lookup).exact;
  assert.equal(exact({ all: [leaf, { any: [leaf, { all: [leaf] }] }, { not: leaf }] }), true);
  assert.equal(exact({ all: [] }), true);
  assert.equal(exact({ any: [] }), false);
  assert.equal(exact({ all: [{ any: [] }] }), false);
  assert.equal(exact({ all: [{ ...leaf, operator: "unknownOp" }] }), false);
  assert.equal(exact({ all: [{ ...leaf, params: { a: 1 } }] }), false);
  assert.equal(exact({ not: leaf }), false);
  assert.equal(exact({ condition: "shared" }), false);
  assert.equal(exact({ all: [{ not: { any: [leaf, { ...leaf, path: "$.x" }] } }] }), false);
});

/** The rules of the shipped `rules/` plus rules that use every feature the index treats. */
async function everyKindOfRule(): Promise<ExceptionRule[]> {
  const shipped = JSON.parse(
    await Deno.readTextFile(new URL("../../rules/exception_rules.json", import.meta.url)),
  ) as ExceptionRule[];
  const text = (operator: string, value: unknown) => ({ fact: "text", operator, value });
  return [
    ...shipped,
    assignRule(
      "t-equal",
      "ST1",
      { all: [{ fact: "type", operator: "equal", value: "MT-CG-001" }] },
      3,
    ),
    assignRule("t-in-area", "GAFJ", {
      all: [
        { fact: "type", operator: "in", value: ["MT-MZ-001", "MT-NEW-1"] },
        {
          any: [{ fact: "area_code", operator: "in", value: ["ST1", "ST1-C1"] }, {
            fact: "grid_code",
            operator: "equal",
            value: "ST1-C1-G1",
          }],
        },
      ],
    }, 7),
    assignRule("not-type", "MZJ", {
      all: [
        { fact: "type", operator: "notIn", value: ["MT-CG-001"] },
        {
          not: {
            any: [
              { fact: "urgency", operator: "equal", value: "urgent" },
              text("containsText", "土地"),
            ],
          },
        },
      ],
    }),
    assignRule("hours", "GAFJ", {
      all: [
        { fact: "hour", operator: "greaterThanInclusive", value: 8 },
        { fact: "hour", operator: "lessThanInclusive", value: 17 },
        { fact: "weekday", operator: "lessThan", value: 6 },
      ],
    }, 2),
    assignRule("top-any", "ST1", {
      any: [text("containsAnyText", ["噪音", "油烟"]), {
        fact: "channel",
        operator: "equal",
        value: "web",
      }],
    }),
    assignRule("top-not", "ST1", { not: { fact: "source", operator: "equal", value: "12345" } }),
    assignRule("empty-all", "ST1", { all: [] }, 1),
    assignRule("empty-any", "ST1", { all: [{ any: [] }, text("containsText", "摆摊")] }),
    assignRule("fact-ref", "ST1", {
      all: [{ fact: "grid_code", operator: "notEqual", value: { fact: "area_code" } }],
    }),
    assignRule("path", "ST1", {
      all: [{ fact: "text", path: "$.a", operator: "containsText", value: "燃气" }],
    }),
    assignRule("contains-on-text", "ST1", { all: [text("contains", "燃")] }),
    assignRule("category", "ST1", {
      all: [{ fact: "category", operator: "in", value: ["dispute", "public_safety"] }, {
        fact: "area_code",
        operator: "notEqual",
        value: "ST9",
      }],
    }),
    raiseRule(
      "raise-urgent",
      { all: [{ fact: "urgency", operator: "equal", value: "urgent" }] },
      1,
      4,
    ),
  ];
}

/** What a single plain json-rules-engine engine holding every rule matches. */
function plainEngine(document: RulesetDocument): (facts: CaseFacts) => Promise<string[]> {
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
    const beijing = new Date(Date.parse(facts.reported_at) + 8 * 3_600_000);
    const { results } = await engine.run({
      ...facts,
      category: categories.get(facts.type),
      hour: beijing.getUTCHours(),
      weekday: beijing.getUTCDay() || 7,
    });
    return results.map((result) => result.name).sort();
  };
}

Deno.test("decide() matches exactly the rules one plain json-rules-engine engine matches", async () => {
  const document = fixtureDocument(await everyKindOfRule());
  // The shipped rules name shipped types; cover those too.
  document.matter_types.push(
    { ...document.matter_types[1], code: "MT-XFJ-002", category: "public_order" },
    { ...document.matter_types[2], code: "MT-RSJ-001", category: "dispute" },
  );
  const ruleset = compileRuleset(document, { version: 1, hash: "h" });
  const expected = plainEngine(document);
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const caseFacts = fc.record({
    type: fc.constantFrom(
      "MT-CG-001",
      "MT-MZ-001",
      "MT-PS-ELEC",
      "MT-AQ-001",
      "MT-XFJ-002",
      "MT-RSJ-001",
      "MT-NEW-1",
      "MT-NEW-2",
    ),
    area_code: optional(
      fc.constantFrom("ST1", "ST1-C1", "ST9", "YG-S02-C01", "YG-S03", "ST1-C1-G1"),
    ),
    grid_code: optional(fc.constantFrom("ST1-C1-G1", "ST1", "YG-S02-C01-G02", "YG-S03-C02-G01")),
    urgency: fc.constantFrom("normal" as const, "urgent" as const),
    channel: fc.constantFrom("hotline", "grid_app", "web", "wechat"),
    source: fc.constantFrom("12345", "grid-platform"),
    text: fc.array(
      fc.constantFrom("燃气泄漏", "噪音", "拖欠工资", "土地", "摆摊", "油烟", "路灯", "x"),
      { maxLength: 3 },
    )
      .map((words) => words.join("，")),
    reported_at: fc.integer({
      min: Date.parse("2026-01-01T00:00:00Z"),
      max: Date.parse("2026-12-31T23:59:59Z"),
    })
      .map((ms) => new Date(ms).toISOString()),
  }, { requiredKeys: ["type", "urgency", "channel", "source", "text", "reported_at"] });
  let matchedSomething = 0;
  await fc.assert(
    fc.asyncProperty(caseFacts, async (facts) => {
      const got = (await decide(ruleset, facts, NOW)).matched_rules.map((rule) => rule.name).sort();
      assert.deepEqual(got, await expected(facts));
      if (got.length > 1) matchedSomething++;
    }),
    { numRuns: 600, seed: 20260302 },
  );
  assert.ok(matchedSomething > 100, `only ${matchedSomething} cases matched several rules`);
});
