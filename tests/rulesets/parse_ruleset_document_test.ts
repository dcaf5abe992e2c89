import assert from "node:assert/strict";
import { loadRulesetDir } from "../../src/rulesets/load_ruleset_dir.ts";
import { parseRulesetDocument } from "../../src/rulesets/parse_ruleset_document.ts";
import { SHIPPED_RULES_DIR } from "./ruleset_fixture.ts";

const { document: shipped } = await loadRulesetDir(SHIPPED_RULES_DIR);

Deno.test("parseRulesetDocument() accepts the shipped ruleset as one JSON value", () => {
  const parsed = parseRulesetDocument(JSON.parse(JSON.stringify(shipped)));
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.document, shipped);
  assert.deepEqual(parsed.warnings, []);
});

Deno.test("parseRulesetDocument() names the file, item and field of shape problems", () => {
  const input = JSON.parse(JSON.stringify(shipped));
  input.fallback = input.fallback_unit;
  delete input.fallback_unit;
  input.units[2].tier = "centre";
  input.matter_types[0].owner = 7;
  input.exception_rules[0].conditions.all[0].operator = 1;
  delete input.time_limit_classes.small.normal.accept;
  const parsed = parseRulesetDocument(input);
  assert.ok(!parsed.ok);
  assert.deepEqual(parsed.findings.map((f) => [f.file, f.item, f.field]).sort(), [
    ["exception_rules.json", "gas-leak-to-fire-brigade", "conditions.all[0].operator"],
    ["matter_types.json", "MT-ZFW-001", "owner"],
    ["ruleset.json", "", "fallback"],
    ["ruleset.json", "", "fallback_unit"],
    ["ruleset.json", "time_limit_classes.small", "normal.accept"],
    ["units.json", "YG-ZZZX", "tier"],
  ]);
  const typo = parsed.findings.find((f) => f.field === "fallback");
  assert.match(typo?.message.en ?? "", /did you mean "fallback_unit"/);
});

Deno.test("parseRulesetDocument() refuses a document without units, naming units.json", () => {
  const { units: _units, ...rest } = shipped;
  const parsed = parseRulesetDocument(rest);
  assert.ok(!parsed.ok);
  assert.deepEqual(parsed.findings.map((f) => [f.file, f.item, f.field]), [["units.json", "", ""]]);
});

Deno.test("parseRulesetDocument() runs the semantic checks once the shape is right", () => {
  const input = structuredClone(shipped);
  input.units.find((unit) => unit.code === "YG")!.parent = "YG-S01-C01-G01";
  const parsed = parseRulesetDocument(input);
  assert.ok(!parsed.ok);
  assert.equal(parsed.findings.length, 1);
  assert.match(
    parsed.findings[0].message.en,
    /loops: YG → YG-S01-C01-G01 → YG-S01-C01 → YG-S01 → YG;/,
  );
});
