import assert from "node:assert/strict";
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import { diffRulesets } from "../../src/rulesets/diff_rulesets.ts";
import { loadRulesetDir } from "../../src/rulesets/load_ruleset_dir.ts";
import { SHIPPED_RULES_DIR } from "./ruleset_fixture.ts";

const demo = async (): Promise<RulesetDocument> =>
  (await loadRulesetDir(SHIPPED_RULES_DIR)).document;

Deno.test("diffRulesets() of a ruleset with itself is empty", async () => {
  const document = await demo();
  const diff = diffRulesets(document, structuredClone(document));
  assert.equal(diff.changes, 0);
  assert.deepEqual(diff.units, { added: [], removed: [], changed: [] });
  assert.equal(diff.name, null);
  assert.equal(diff.exception_rules_reordered, false);
});

Deno.test("diffRulesets() lists added, removed and changed items with the fields that changed", async () => {
  const before = await demo();
  const [firstRule, ...otherRules] = before.exception_rules;
  const after: RulesetDocument = {
    ...before,
    fallback_unit: "YG",
    units: [
      ...before.units.filter((unit) => unit.code !== "YG-FL"),
      {
        code: "YG-CGJ",
        name_zh: "城管局",
        name_en: "Urban management",
        tier: "department",
        parent: "YG",
      },
    ],
    matter_types: before.matter_types.map((type) =>
      type.code === "MT-MZJ-005" ? { ...type, owner: "YG-SFJ", time_limit_class: "small" } : type
    ),
    exception_rules: [...otherRules, { ...firstRule, priority: 99 }],
    time_limit_classes: {
      ...before.time_limit_classes,
      small: { ...before.time_limit_classes.small, urgent: undefined },
    },
  };
  const diff = diffRulesets(before, after);
  assert.deepEqual(diff.fallback_unit, { before: "YG-ZZZX", after: "YG" });
  assert.deepEqual(diff.units.added, ["YG-CGJ"]);
  assert.deepEqual(diff.units.removed, ["YG-FL"]);
  assert.deepEqual(diff.matter_types.changed, [{
    key: "MT-MZJ-005",
    fields: {
      owner: { before: "YG-MZJ", after: "YG-SFJ" },
      time_limit_class: { before: "standard", after: "small" },
    },
  }]);
  assert.deepEqual(diff.exception_rules.changed, [{
    key: firstRule.name,
    fields: { priority: { before: firstRule.priority, after: 99 } },
  }]);
  assert.equal(diff.exception_rules_reordered, true);
  assert.deepEqual(diff.time_limit_classes.changed.map((c) => [c.key, Object.keys(c.fields)]), [
    ["small", ["urgent"]],
  ]);
  assert.deepEqual(diff.time_limit_classes.changed[0].fields.urgent.after, null);
  assert.equal(diff.changes, 7);
});

Deno.test("diffRulesets() ignores key order inside items", async () => {
  const before = await demo();
  const after = {
    ...before,
    exception_rules: before.exception_rules.map((rule) =>
      Object.fromEntries(Object.entries(rule).reverse()) as typeof rule
    ),
  };
  assert.equal(diffRulesets(before, after).changes, 0);
});
