import assert from "node:assert/strict";
import type { MatterTypeAttribute } from "../../src/routing/ruleset.ts";
import { RULESET_FILES } from "../../src/rulesets/finding.ts";
import { loadRulesetDir } from "../../src/rulesets/load_ruleset_dir.ts";
import { parseRulesetDocument } from "../../src/rulesets/parse_ruleset_document.ts";
import { validateRuleset } from "../../src/rulesets/validate_ruleset.ts";
import { itemBy, rulesCopy, SHIPPED_RULES_DIR } from "./ruleset_fixture.ts";

const { document: shipped } = await loadRulesetDir(SHIPPED_RULES_DIR);
const CODE = "MT-MZJ-005";

const good: MatterTypeAttribute = {
  variable: true,
  code: "living",
  datatype: "singlevaluelist",
  required: true,
  datatype_description: "",
  order: 1,
  description: "居住情况",
  values: [{ key: "alone", name: "独居" }],
};

function withAttributes(attributes: unknown[]): unknown {
  const document = structuredClone(shipped) as unknown as {
    matter_types: Record<string, unknown>[];
  };
  document.matter_types.find((m) => m.code === CODE)!.attributes = attributes;
  return document;
}

Deno.test("matter-type attributes are optional and load from matter_types.json", async () => {
  const dir = await rulesCopy(RULESET_FILES.matter_types, (json) => {
    itemBy(json, "code", CODE).attributes = [good];
    return json;
  });
  try {
    const { document } = await loadRulesetDir(dir);
    const matter = document.matter_types.find((m) => m.code === CODE)!;
    assert.deepEqual(matter.attributes, [good]);
    assert.equal(document.matter_types.find((m) => m.code !== CODE)!.attributes, undefined);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a bad attribute shape is refused naming the file, matter type and field", async () => {
  const parsed = parseRulesetDocument(withAttributes([
    { ...good, datatype: "boolean" },
    { ...good, code: "age", datatype: "number", values: undefined, order: -1 },
    { ...good, code: "x y", colour: "red" },
  ]));
  assert.ok(!parsed.ok);
  assert.deepEqual(
    parsed.findings.map((f) => [f.file, f.item, f.field]).sort(),
    [
      ["matter_types.json", CODE, "attributes[0].datatype"],
      ["matter_types.json", CODE, "attributes[1].order"],
      ["matter_types.json", CODE, "attributes[2].code"],
      ["matter_types.json", CODE, "attributes[2].colour"],
    ],
  );
  const datatype = parsed.findings.find((f) => f.field === "attributes[0].datatype")!;
  assert.match(datatype.message.en, /multivaluelist/);

  const dir = await rulesCopy(RULESET_FILES.matter_types, (json) => {
    itemBy(json, "code", CODE).attributes = [{ ...good, required: "yes" }];
    return json;
  });
  try {
    await assert.rejects(loadRulesetDir(dir), (error: unknown) => {
      const findings = (error as { findings?: { file: string; item: string; field: string }[] })
        .findings ?? [];
      return findings.some((f) =>
        f.file === "matter_types.json" && f.item === CODE && f.field === "attributes[0].required"
      );
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("attribute semantics: unique codes and keys, list values, no required info", () => {
  const document = structuredClone(shipped);
  document.matter_types.find((m) => m.code === CODE)!.attributes = [
    good,
    { ...good, values: [] },
    { ...good, code: "age", datatype: "number", order: 2 },
    {
      ...good,
      code: "needs",
      datatype: "multivaluelist",
      order: 3,
      values: [{ key: "a", name: "A" }, { key: "a", name: "B" }],
    },
    { ...good, code: "note", datatype: "text", variable: false, values: undefined, order: 4 },
  ];
  const findings = validateRuleset(document);
  assert.deepEqual(
    findings.map((f) => [f.severity, f.item, f.field]),
    [
      ["error", CODE, "attributes[1].code"],
      ["error", CODE, "attributes[1].values"],
      ["warning", CODE, "attributes[1].order"],
      ["error", CODE, "attributes[2].values"],
      ["error", CODE, "attributes[3].values[1].key"],
      ["error", CODE, "attributes[4].required"],
    ],
  );
  assert.ok(findings.every((f) => f.file === "matter_types.json" && f.message.zh && f.message.en));
});
