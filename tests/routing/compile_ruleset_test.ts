import assert from "node:assert/strict";
import { compileRuleset } from "../../src/routing/compile_ruleset.ts";
import { assignRule, fixture, fixtureDocument, raiseRule } from "./fixtures.ts";

const typeIs = (type: string) => ({ fact: "type", operator: "equal", value: type });

/** The names of the rules the route of `type` holds, in evaluation order. */
function routeRules(ruleset: ReturnType<typeof fixture>, type: string | null): string[] {
  const route = type === null
    ? ruleset.routing.otherTypes
    : ruleset.routing.routes.get(type) ?? ruleset.routing.otherTypes;
  return route.rules.map((rule) => rule.name);
}

Deno.test("compileRuleset() keeps version, hash and document and maps units and matter types", () => {
  const document = fixtureDocument();
  const compiled = compileRuleset(document, { version: 3, hash: "abc" });
  assert.equal(compiled.version, 3);
  assert.equal(compiled.hash, "abc");
  assert.equal(compiled.document, document);
  assert.equal(compiled.units.size, 11);
  assert.equal(compiled.units.get("ST1-C1")?.parent, "ST1");
  assert.deepEqual([...compiled.matterTypes.keys()], [
    "MT-CG-001",
    "MT-MZ-001",
    "MT-PS-ELEC",
    "MT-AQ-001",
  ]);
  assert.equal(compiled.matterTypes.get("MT-MZ-001")?.owner, "MZJ");
});

Deno.test("compileRuleset() gives a rule with a type condition only to those types' engines", () => {
  const ruleset = fixture([
    assignRule("vending", "GAFJ", { all: [typeIs("MT-CG-001")] }),
    assignRule("two-types", "ST1", {
      all: [{ fact: "type", operator: "in", value: ["MT-MZ-001", "MT-PS-ELEC"] }],
    }),
    assignRule("future-type", "ST1", { all: [typeIs("MT-NEW-1")] }),
  ]);
  assert.deepEqual(routeRules(ruleset, "MT-CG-001"), ["vending"]);
  assert.deepEqual(routeRules(ruleset, "MT-MZ-001"), ["two-types"]);
  assert.deepEqual(routeRules(ruleset, "MT-PS-ELEC"), ["two-types"]);
  assert.deepEqual(routeRules(ruleset, "MT-AQ-001"), []);
  assert.deepEqual(routeRules(ruleset, "MT-NEW-1"), ["future-type"]);
  assert.deepEqual(routeRules(ruleset, null), []);
});

Deno.test("compileRuleset() puts rules without a type condition in every engine", () => {
  const ruleset = fixture([
    assignRule("gas", "XFDD", { all: [{ fact: "text", operator: "containsText", value: "燃气" }] }),
    assignRule("not-vending", "ST1", {
      all: [{ fact: "type", operator: "notEqual", value: "MT-CG-001" }],
    }),
    assignRule("any-top", "ST1", {
      any: [typeIs("MT-CG-001"), { fact: "urgency", operator: "equal", value: "urgent" }],
    }),
  ]);
  assert.deepEqual(routeRules(ruleset, "MT-CG-001"), ["gas", "any-top"]);
  assert.deepEqual(routeRules(ruleset, "MT-MZ-001"), ["gas", "not-vending", "any-top"]);
  assert.deepEqual(routeRules(ruleset, null), ["gas", "not-vending", "any-top"]);
});

Deno.test("compileRuleset() leaves out rules that a type's category rules out", () => {
  const ruleset = fixture([
    assignRule("disputes", "ST1", {
      all: [{ fact: "category", operator: "equal", value: "dispute" }],
    }),
  ]);
  assert.deepEqual(routeRules(ruleset, "MT-MZ-001"), ["disputes"]);
  assert.deepEqual(routeRules(ruleset, "MT-CG-001"), []);
  // An unknown type has no category.
  assert.deepEqual(routeRules(ruleset, null), []);
});

Deno.test("compileRuleset() gives a type that no rule can match no engine at all", () => {
  const ruleset = fixture([assignRule("vending", "GAFJ", { all: [typeIs("MT-CG-001")] })]);
  assert.notEqual(ruleset.routing.routes.get("MT-CG-001")?.engine, null);
  assert.equal(ruleset.routing.routes.get("MT-MZ-001")?.engine, null);
  assert.equal(ruleset.routing.otherTypes.engine, null);
});

Deno.test("compileRuleset() orders each engine's rules by priority, then document order", () => {
  const always = { all: [typeIs("MT-CG-001")] };
  const ruleset = fixture([
    assignRule("a-default", "ST1", always),
    assignRule("b-50", "ST1", always, 50),
    raiseRule("c-50", always, 1, 50),
    assignRule("d-99", "ST1", always, 99),
  ]);
  assert.deepEqual(routeRules(ruleset, "MT-CG-001"), ["d-99", "b-50", "c-50", "a-default"]);
  const priorities = ruleset.routing.routes.get("MT-CG-001")!.rules.map((rule) => rule.priority);
  assert.deepEqual(priorities, [99, 50, 50, 1]);
});

Deno.test("compileRuleset() registers containsText and containsAnyText on every engine", async () => {
  const ruleset = fixture([
    assignRule("one-word", "XFDD", {
      all: [{ fact: "text", operator: "containsText", value: "燃气" }],
    }),
    assignRule("any-word", "GAFJ", {
      all: [{ fact: "text", operator: "containsAnyText", value: ["打架", "斗殴"] }],
    }),
  ]);
  const engines = [
    ...new Set([...ruleset.routing.routes.values()].map((route) => route.engine)),
    ruleset.routing.otherTypes.engine,
  ];
  for (const engine of engines) {
    assert.ok(engine);
    const matched = async (text: string) =>
      (await engine.run({ text })).results.map((result) => result.name).sort();
    assert.deepEqual(await matched("燃气和斗殴"), ["any-word", "one-word"]);
    assert.deepEqual(await matched("打架"), ["any-word"]);
    assert.deepEqual(await matched("噪音"), []);
    // Not a text: no match, no error.
    assert.deepEqual((await engine.run({ text: 42 })).results, []);
  }
});

Deno.test("compileRuleset() leaves what its index cannot judge exactly to json-rules-engine", () => {
  const ruleset = fixture([
    assignRule("plain", "ST1", {
      all: [
        typeIs("MT-CG-001"),
        {
          any: [{ fact: "area_code", operator: "equal", value: "A" }, {
            fact: "hour",
            operator: "lessThan",
            value: 6,
          }],
        },
        { not: { fact: "urgency", operator: "equal", value: "urgent" } },
      ],
    }),
    assignRule("with-path", "ST1", {
      all: [typeIs("MT-CG-001"), {
        fact: "text",
        path: "$.x",
        operator: "containsText",
        value: "a",
      }],
    }),
    assignRule("fact-value", "ST1", {
      all: [typeIs("MT-CG-001"), {
        fact: "grid_code",
        operator: "equal",
        value: { fact: "area_code" },
      }],
    }),
    assignRule("not-of-path", "ST1", {
      all: [typeIs("MT-CG-001"), {
        not: { fact: "text", path: "$.x", operator: "equal", value: "a" },
      }],
    }),
  ]);
  const exact = Object.fromEntries(
    ruleset.routing.routes.get("MT-CG-001")!.rules.map((rule) => [rule.name, rule.exact]),
  );
  assert.deepEqual(exact, {
    "plain": true,
    "with-path": false,
    "fact-value": false,
    "not-of-path": false,
  });
});

Deno.test("compileRuleset() shares one engine between types whose rules are the same", () => {
  const ruleset = fixture([
    assignRule("gas", "XFDD", { all: [{ fact: "text", operator: "containsText", value: "燃气" }] }),
  ]);
  const engines = new Set([...ruleset.routing.routes.values()].map((route) => route.engine));
  assert.equal(engines.size, 1);
});

Deno.test("compileRuleset() picks the standard class as the default, else the first", () => {
  assert.equal(fixture().routing.defaultLimitClass.name, "standard");
  const document = fixtureDocument();
  const { standard: _dropped, ...rest } = document.time_limit_classes;
  const compiled = compileRuleset({ ...document, time_limit_classes: rest }, {
    version: 1,
    hash: "h",
  });
  assert.equal(compiled.routing.defaultLimitClass.name, "small");
});
