import assert from "node:assert/strict";
import {
  blankRuleForm,
  readRuleForm,
  ruleFromForm,
  ruleToForm,
} from "../../../src/http/admin/rule_form.ts";
import type { ExceptionRule } from "../../../src/routing/ruleset.ts";

const rules: ExceptionRule[] = JSON.parse(
  await Deno.readTextFile(new URL("../../../rules/exception_rules.json", import.meta.url)),
);

Deno.test("every demo rule survives the editor: structured when rows express it, JSON otherwise", () => {
  for (const rule of rules) {
    const form = ruleToForm(rule);
    const back = ruleFromForm(form);
    assert.deepEqual(back.problems, []);
    assert.deepEqual(back.rule, rule, `${rule.name} (${form.mode})`);
  }
  const nested = ruleToForm(rules.find((r) => r.name === "heruiyuan-power-to-state-grid")!);
  assert.equal(nested.mode, "json");
  assert.ok(nested.structuredBlocked);
  const flat = ruleToForm(rules.find((r) => r.name === "gas-leak-to-fire-brigade")!);
  assert.equal(flat.mode, "structured");
});

Deno.test("form values become typed values: numbers for number facts, lists for list operators", () => {
  const form = readRuleForm({
    mode: "structured",
    name: "night",
    priority: "20",
    group: "any",
    fact: ["hour", "text", "area_code"],
    operator: ["greaterThanInclusive", "containsAnyText", "in"],
    value: ["22", "噪音，扰民、施工", "YG-S01, YG-S02"],
    event_type: "raise_level",
    levels: "2",
  });
  assert.deepEqual(ruleFromForm(form).rule, {
    name: "night",
    priority: 20,
    conditions: {
      any: [
        { fact: "hour", operator: "greaterThanInclusive", value: 22 },
        { fact: "text", operator: "containsAnyText", value: ["噪音", "扰民", "施工"] },
        { fact: "area_code", operator: "in", value: ["YG-S01", "YG-S02"] },
      ],
    },
    event: { type: "raise_level", params: { levels: 2 } },
  });
  const bad = ruleFromForm({ ...form, priority: "high" });
  assert.equal(bad.problems[0].field, "priority");
  const json = ruleFromForm({ ...blankRuleForm(), mode: "json", json: '{"name": "x",}' });
  assert.match(json.problems[0].message.en, /^JSON line 1, column \d+: trailing comma/);
});
