import assert from "node:assert/strict";
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import { editRulesetDocument } from "../../src/rulesets/edit_ruleset_document.ts";

const base: RulesetDocument = {
  name: "demo",
  fallback_unit: "A",
  time_limit_classes: {
    standard: { name_zh: "标准", name_en: "Standard", normal: { accept: "PT2H", resolve: "P2D" } },
  },
  units: [
    { code: "A", name_zh: "甲", name_en: "A", tier: "district", parent: null },
    { code: "B", name_zh: "乙", name_en: "B", tier: "department", parent: "A" },
  ],
  matter_types: [{
    code: "MT-1",
    category: "dispute",
    name_zh: "纠纷",
    name_en: "Dispute",
    owner: "B",
    time_limit_class: "standard",
  }],
  exception_rules: [
    { name: "r1", conditions: { all: [] }, event: { type: "raise_level" } },
    { name: "r2", conditions: { all: [] }, event: { type: "raise_level" } },
  ],
};

Deno.test("editRulesetDocument(): put replaces in place or appends, and never changes its input", () => {
  const snapshot = structuredClone(base);
  const replaced = editRulesetDocument(base, {
    kind: "put_exception_rule",
    rule: { name: "r1", priority: 5, conditions: { all: [] }, event: { type: "raise_level" } },
  });
  assert.ok(replaced.ok);
  assert.equal(replaced.created, false);
  assert.deepEqual(replaced.document.exception_rules.map((r) => [r.name, r.priority]), [
    ["r1", 5],
    ["r2", undefined],
  ]);
  const added = editRulesetDocument(base, {
    kind: "put_unit",
    unit: { code: "C", name_zh: "丙", name_en: "C", tier: "department", parent: "A" },
  });
  assert.ok(added.ok);
  assert.equal(added.created, true);
  assert.deepEqual(added.document.units.map((u) => u.code), ["A", "B", "C"]);
  assert.deepEqual(base, snapshot);
});

Deno.test("editRulesetDocument(): patch merges the given fields; delete removes; missing items are named", () => {
  const patched = editRulesetDocument(base, {
    kind: "patch_matter_type",
    code: "MT-1",
    changes: { owner: "A", category: undefined },
  });
  assert.ok(patched.ok);
  assert.equal(patched.document.matter_types[0].owner, "A");
  assert.equal(patched.document.matter_types[0].category, "dispute");
  const removed = editRulesetDocument(base, { kind: "delete_unit", code: "B" });
  assert.ok(removed.ok);
  assert.deepEqual(removed.document.units.map((u) => u.code), ["A"]);
  assert.equal(removed.document.matter_types[0].owner, "B"); // left for validation to name
  assert.deepEqual(editRulesetDocument(base, { kind: "delete_exception_rule", name: "r9" }), {
    ok: false,
    problem: "item_not_found",
    item: "r9",
  });
  assert.deepEqual(
    editRulesetDocument(base, { kind: "patch_unit", code: "Z", changes: { parent: "A" } }),
    { ok: false, problem: "item_not_found", item: "Z" },
  );
});

Deno.test("editRulesetDocument(): fallback and time-limit classes", () => {
  const fallback = editRulesetDocument(base, { kind: "set_fallback", unit: "B" });
  assert.ok(fallback.ok);
  assert.equal(fallback.document.fallback_unit, "B");
  const added = editRulesetDocument(base, {
    kind: "put_time_limit_class",
    name: "small",
    timeLimitClass: {
      name_zh: "小事",
      name_en: "Small",
      normal: { accept: "PT30M", resolve: "PT2H" },
    },
  });
  assert.ok(added.ok && added.created);
  assert.deepEqual(Object.keys(added.document.time_limit_classes), ["standard", "small"]);
  const deleted = editRulesetDocument(added.document, {
    kind: "delete_time_limit_class",
    name: "standard",
  });
  assert.ok(deleted.ok);
  assert.deepEqual(Object.keys(deleted.document.time_limit_classes), ["small"]);
  assert.equal(
    editRulesetDocument(base, { kind: "delete_time_limit_class", name: "nope" }).ok,
    false,
  );
});
