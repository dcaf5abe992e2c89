import assert from "node:assert/strict";
import fc from "fast-check";
import type { Condition, ExceptionRule, RulesetDocument } from "../../src/routing/ruleset.ts";
import { BUILTIN_OPERATORS, CUSTOM_OPERATORS, FACTS } from "../../src/routing/facts.ts";
import type { Finding } from "../../src/rulesets/finding.ts";
import { loadRulesetDir } from "../../src/rulesets/load_ruleset_dir.ts";
import { exceptionRulesFileSchema } from "../../src/rulesets/ruleset_schema.ts";
import { validateRuleset } from "../../src/rulesets/validate_ruleset.ts";
import { zodIssuesToFindings } from "../../src/rulesets/zod_issues_to_findings.ts";
import { SHIPPED_RULES_DIR } from "./ruleset_fixture.ts";

const { document: shipped } = await loadRulesetDir(SHIPPED_RULES_DIR);

/** The shipped ruleset with its exception rules replaced by one rule over `conditions`. */
function withRule(conditions: Condition[], event?: ExceptionRule["event"]): RulesetDocument {
  return {
    ...structuredClone(shipped),
    exception_rules: [{
      name: "probe",
      conditions: { all: conditions },
      event: event ?? { type: "assign", params: { owner: "YG-MZJ" } },
    }],
  };
}

function at(findings: Finding[], field: string): Finding {
  const found = findings.filter((finding) => finding.field === field);
  assert.equal(
    found.length,
    1,
    `expected one finding at ${field}, got ${JSON.stringify(findings)}`,
  );
  return found[0];
}

Deno.test("validateRuleset() finds nothing wrong with the shipped ruleset", () => {
  assert.deepEqual(validateRuleset(shipped), []);
});

Deno.test("validateRuleset() warns when acceptance outlasts resolution or urgent outlasts normal", () => {
  const document = structuredClone(shipped);
  document.time_limit_classes.small.normal = { accept: "PT3H", resolve: "PT2H" };
  document.time_limit_classes.complex.urgent = { accept: "PT1H", resolve: "P8D" };
  const findings = validateRuleset(document);
  assert.equal(findings.length, 2);
  assert.ok(findings.every((finding) => finding.severity === "warning"));
  assert.equal(findings[0].item, "time_limit_classes.small");
  assert.equal(findings[0].field, "normal.accept");
  assert.equal(findings[1].item, "time_limit_classes.complex");
  assert.equal(findings[1].field, "urgent.resolve");
});

Deno.test("validateRuleset() refuses an unknown fallback unit and time-limit class", () => {
  const document = structuredClone(shipped);
  document.fallback_unit = "YG-ZZX";
  document.matter_types[0].time_limit_class = "urgent";
  const findings = validateRuleset(document);
  const fallback = at(findings, "fallback_unit");
  assert.equal(fallback.file, "ruleset.json");
  assert.match(fallback.message.en, /did you mean "YG-ZZZX"/);
  const timeLimitClass = at(findings, "time_limit_class");
  assert.equal(timeLimitClass.item, "MT-ZFW-001");
  assert.match(timeLimitClass.message.en, /use one of small, standard, complex/);
});

Deno.test("validateRuleset() names a unit that is its own parent", () => {
  const document = structuredClone(shipped);
  document.units.find((unit) => unit.code === "YG-FL")!.parent = "YG-FL";
  const [finding] = validateRuleset(document);
  assert.deepEqual(
    [finding.severity, finding.file, finding.item, finding.field],
    ["error", "units.json", "YG-FL", "parent"],
  );
  assert.match(finding.message.en, /YG-FL → YG-FL/);
});

Deno.test("validateRuleset() checks events: type, owner and levels", () => {
  const assign = validateRuleset(
    withRule([{ fact: "urgency", operator: "equal", value: "urgent" }], {
      type: "assign",
      params: { owner: "YG-NOBODY" },
    }),
  );
  assert.equal(at(assign, "event.params.owner").severity, "error");
  const raise = validateRuleset(
    withRule([{ fact: "urgency", operator: "equal", value: "urgent" }], {
      type: "raise_level",
      params: { levels: 1.5 },
    }),
  );
  assert.match(at(raise, "event.params.levels").message.en, /positive whole number/);
  const unknown = withRule([{ fact: "urgency", operator: "equal", value: "urgent" }]);
  Object.assign(unknown.exception_rules[0].event, { type: "notify" });
  assert.match(at(validateRuleset(unknown), "event.type").message.en, /"notify" is not supported/);
});

Deno.test("validateRuleset() refuses values of the wrong type for the fact and operator", () => {
  const findings = validateRuleset(withRule([
    { fact: "hour", operator: "greaterThan", value: "22" },
    { fact: "area_code", operator: "lessThan", value: 3 },
    { fact: "text", operator: "containsAnyText", value: ["燃气", ""] },
    { fact: "weekday", operator: "in", value: [6, "7"] },
  ]));
  assert.ok(findings.every((finding) => finding.severity === "error"));
  assert.match(at(findings, "conditions.all[0].value").message.en, /must be a number \(e\.g\. 22/);
  assert.match(at(findings, "conditions.all[1].operator").message.en, /compares numbers/);
  at(findings, "conditions.all[2].value[1]");
  at(findings, "conditions.all[3].value[1]");
  assert.equal(findings.length, 4);
});

Deno.test("validateRuleset() warns about conditions that can never or always match", () => {
  const findings = validateRuleset(withRule([
    { fact: "text", operator: "contains", value: "燃气" },
    { any: [] },
    { fact: "area_code", operator: "equal", value: "YG-S01-C01-G01" },
    { fact: "urgency", operator: "equal", value: "high" },
    { fact: "hour", operator: "in", value: [23, 24] },
    { fact: "category", operator: "equal", value: "public_health" },
    { fact: "grid_code", operator: "equal", value: "YG-S01-C01-G09" },
    { fact: "type", operator: "equal", value: "MT-MZJ-011" },
  ]));
  assert.ok(findings.every((finding) => finding.severity === "warning"), JSON.stringify(findings));
  assert.match(at(findings, "conditions.all[0].operator").message.en, /use containsText/);
  assert.match(at(findings, "conditions.all[1].any").message.en, /never true/);
  assert.match(at(findings, "conditions.all[2].value").message.en, /is a grid/);
  at(findings, "conditions.all[3].value");
  assert.match(at(findings, "conditions.all[4].value[1]").message.en, /0 to 23/);
  at(findings, "conditions.all[5].value");
  assert.match(at(findings, "conditions.all[6].value").message.en, /did you mean "YG-S01-C01-G01"/);
  at(findings, "conditions.all[7].value");
  assert.equal(findings.length, 8);
});

Deno.test("validateRuleset() accepts a value that refers to another fact, if the fact exists", () => {
  assert.deepEqual(
    validateRuleset(withRule([{ fact: "hour", operator: "lessThan", value: { fact: "weekday" } }])),
    [],
  );
  const findings = validateRuleset(
    withRule([{ fact: "hour", operator: "lessThan", value: { fact: "minute" } }]),
  );
  assert.equal(at(findings, "conditions.all[0].value.fact").severity, "error");
});

/** Condition trees that are mostly well formed, with wrong parts mixed in at any depth. */
const conditionTree = fc.letrec((tie) => ({
  condition: fc.oneof(
    { depthSize: "small" },
    fc.record(
      {
        fact: fc.constantFrom(...FACTS.map((fact) => fact.name), "weather", 3),
        operator: fc.constantFrom(
          ...BUILTIN_OPERATORS,
          ...CUSTOM_OPERATORS.map((operator) => operator.name),
          "like",
        ),
        value: fc.oneof(
          fc.constantFrom("MT-ZFW-001", "YG-S01", "urgent", 22, 7, ["燃气"], { fact: "hour" }),
          fc.jsonValue({ maxDepth: 1 }),
        ),
        path: fc.constant("$.x"),
        priority: fc.constantFrom(1, 0),
      },
      { requiredKeys: ["fact", "operator"] },
    ),
    fc.record({ all: fc.array(tie("condition"), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("condition"), { maxLength: 3 }) }),
    fc.record({ not: tie("condition") }),
    fc.record({ condition: fc.string() }),
    fc.jsonValue({ maxDepth: 2 }),
  ),
})).condition;

Deno.test("validateRuleset() and the rule schema never throw, and agree on refusing", () => {
  fc.assert(
    fc.property(fc.oneof(conditionTree, fc.jsonValue({ maxDepth: 4 })), (conditions) => {
      const rule = {
        name: "fuzz",
        conditions,
        event: { type: "raise_level", params: { levels: 1 } },
      };
      const parsed = exceptionRulesFileSchema.safeParse([rule]);
      if (!parsed.success) {
        const findings = zodIssuesToFindings("exception_rules.json", [rule], parsed.error.issues);
        assert.ok(findings.length > 0);
        assert.ok(findings.every((finding) => finding.item === "fuzz"));
      }
      const document = { ...shipped, exception_rules: [rule] } as RulesetDocument;
      const findings = validateRuleset(document);
      if (!parsed.success) assert.ok(findings.some((finding) => finding.severity === "error"));
    }),
    { numRuns: 500 },
  );
});
