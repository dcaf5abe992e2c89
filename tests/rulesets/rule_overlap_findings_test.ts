import assert from "node:assert/strict";
import type { ExceptionRule, RulesetDocument } from "../../src/routing/ruleset.ts";
import { findConflictingRules } from "../../src/rulesets/find_conflicting_rules.ts";
import { findShadowedRules } from "../../src/rulesets/find_shadowed_rules.ts";
import { loadRulesetDir } from "../../src/rulesets/load_ruleset_dir.ts";
import { reviewRuleset } from "../../src/rulesets/review_ruleset.ts";
import { SHIPPED_RULES_DIR } from "./ruleset_fixture.ts";

function ruleset(rules: ExceptionRule[]): RulesetDocument {
  return {
    name: "demo",
    fallback_unit: "CENTER",
    time_limit_classes: {},
    units: [],
    matter_types: [
      {
        code: "MT-ELEC",
        category: "public_service",
        name_zh: "停电",
        name_en: "Power",
        owner: "CENTER",
        time_limit_class: "standard",
      },
      {
        code: "MT-HEAT",
        category: "public_service",
        name_zh: "供暖",
        name_en: "Heating",
        owner: "CENTER",
        time_limit_class: "standard",
      },
    ],
    exception_rules: rules,
  };
}

function assign(
  name: string,
  priority: number | undefined,
  conditions: unknown,
  owner: string,
): ExceptionRule {
  return {
    name,
    ...(priority === undefined ? {} : { priority }),
    conditions: conditions as ExceptionRule["conditions"],
    event: { type: "assign", params: { owner } },
  };
}

const elec = { fact: "type", operator: "equal", value: "MT-ELEC" };
const urgent = { fact: "urgency", operator: "equal", value: "urgent" };

Deno.test("findShadowedRules() warns about a rule a higher-priority rule always beats, naming both", () => {
  const findings = findShadowedRules(ruleset([
    assign("urgent-power", 10, { all: [elec, urgent] }, "GRID"),
    assign("power", 50, { all: [elec] }, "POWER-CO"),
  ]));
  assert.equal(findings.length, 1);
  const [finding] = findings;
  assert.deepEqual([finding.severity, finding.file, finding.item, finding.field], [
    "warning",
    "exception_rules.json",
    "urgent-power",
    "conditions",
  ]);
  assert.match(
    finding.message.en,
    /rule "urgent-power" can never take effect: rule "power" is weighed first \(priority 50 > 10\)/,
  );
  assert.match(finding.message.zh, /规则“urgent-power”永远不会生效/);
});

Deno.test("findShadowedRules() catches an unconditional higher-priority rule and a same-priority earlier twin", () => {
  const always = findShadowedRules(ruleset([
    assign("everything", 90, { all: [] }, "CENTER"),
    assign("power", 50, { all: [elec] }, "POWER-CO"),
  ]));
  assert.deepEqual(always.map((f) => f.item), ["power"]);
  assert.match(always[0].message.en, /it matches every case/);

  const twins = findShadowedRules(ruleset([
    assign("power-a", undefined, { all: [elec] }, "POWER-CO"),
    assign("power-b", 1, { all: [elec] }, "POWER-CO"),
  ]));
  assert.deepEqual(twins.map((f) => f.item), ["power-b"]);
  assert.match(twins[0].message.en, /same priority 1, earlier in the file/);
});

Deno.test("findShadowedRules() stays quiet when the lower rule reaches cases the higher one does not", () => {
  assert.deepEqual(
    findShadowedRules(ruleset([
      assign("urgent-power", 50, { all: [elec, urgent] }, "GRID"),
      assign("power", 10, { all: [elec] }, "POWER-CO"),
      assign(
        "heat",
        90,
        { all: [{ fact: "type", operator: "equal", value: "MT-HEAT" }] },
        "HEAT-CO",
      ),
      {
        name: "raise-urgent",
        priority: 99,
        conditions: { all: [urgent] },
        event: { type: "raise_level", params: { levels: 1 } },
      },
    ])),
    [],
  );
});

Deno.test("findConflictingRules() refuses two owners for the same cases at one priority, naming both", () => {
  const findings = findConflictingRules(ruleset([
    assign("power-to-company", 50, { all: [elec] }, "POWER-CO"),
    assign("urgent-power-to-grid", 50, { all: [urgent, elec] }, "GRID"),
  ]));
  assert.equal(findings.length, 1);
  const [finding] = findings;
  assert.deepEqual([finding.severity, finding.item, finding.field], [
    "error",
    "urgent-power-to-grid",
    "priority",
  ]);
  assert.match(
    finding.message.en,
    /rules "power-to-company" \(assigns POWER-CO\) and "urgent-power-to-grid" \(assigns GRID\) have the same priority 50/,
  );
  assert.match(finding.message.en, /imply/);

  const identical = findConflictingRules(ruleset([
    assign("a", undefined, { all: [elec] }, "POWER-CO"),
    assign("b", undefined, { all: [{ ...elec, name: "same" }] }, "GRID"),
  ]));
  assert.equal(identical.length, 1);
  assert.match(identical[0].message.en, /match exactly the same cases/);
});

Deno.test("findConflictingRules() allows the same owner, other priorities and disjoint types", () => {
  assert.deepEqual(
    findConflictingRules(ruleset([
      assign("a", 50, { all: [elec] }, "POWER-CO"),
      assign("b", 50, { all: [elec, urgent] }, "POWER-CO"),
      assign("c", 40, { all: [elec] }, "GRID"),
      assign("d", 50, { all: [{ fact: "type", operator: "equal", value: "MT-HEAT" }] }, "HEAT-CO"),
      // overlaps "a" and "b" without implying them, or being implied, either way
      assign("e", 50, { all: [{ fact: "channel", operator: "equal", value: "web" }] }, "GRID"),
    ])),
    [],
  );
});

Deno.test("the shipped demo ruleset has no shadowed or conflicting rules", async () => {
  const { document } = await loadRulesetDir(SHIPPED_RULES_DIR);
  assert.deepEqual(findShadowedRules(document), []);
  assert.deepEqual(findConflictingRules(document), []);
  assert.deepEqual(reviewRuleset(document).filter((f) => f.severity === "error"), []);
});
