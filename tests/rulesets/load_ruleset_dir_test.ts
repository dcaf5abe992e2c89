import assert from "node:assert/strict";
import type { Finding } from "../../src/rulesets/finding.ts";
import { loadRulesetDir } from "../../src/rulesets/load_ruleset_dir.ts";
import { RulesetInvalidError } from "../../src/rulesets/ruleset_invalid_error.ts";
import {
  itemBy,
  items,
  rulesCopy,
  rulesCopyWithText,
  SHIPPED_RULES_DIR,
} from "./ruleset_fixture.ts";

/** Loads `dir` expecting a refusal; returns the findings and removes the dir. */
async function refusal(dir: string): Promise<readonly Finding[]> {
  try {
    await loadRulesetDir(dir);
  } catch (error) {
    assert.ok(error instanceof RulesetInvalidError, `unexpected error: ${error}`);
    return error.findings;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  assert.fail("the ruleset was accepted");
}

/** The one error finding at file › item › field. */
function errorAt(findings: readonly Finding[], file: string, item: string, field: string): Finding {
  const found = findings.filter((finding) =>
    finding.severity === "error" && finding.file === file && finding.item === item &&
    finding.field === field
  );
  assert.equal(
    found.length,
    1,
    `expected one error at ${file} › ${item} › ${field}, got:\n${
      findings.map((f) => `${f.file} › ${f.item} › ${f.field}: ${f.message.en}`).join("\n")
    }`,
  );
  assert.ok(found[0].message.zh.length > 0 && found[0].message.en.length > 0);
  return found[0];
}

Deno.test("loadRulesetDir() loads the shipped rules/ with no errors and no warnings", async () => {
  const { document, warnings } = await loadRulesetDir(SHIPPED_RULES_DIR);
  assert.deepEqual(warnings, []);
  assert.equal(document.fallback_unit, "YG-ZZZX");
  assert.deepEqual(Object.keys(document.time_limit_classes), ["small", "standard", "complex"]);
  assert.deepEqual(document.time_limit_classes.small.normal, { accept: "PT30M", resolve: "PT2H" });
  assert.deepEqual(document.time_limit_classes.standard.normal, { accept: "PT2H", resolve: "P2D" });
  assert.equal(document.time_limit_classes.complex.normal.resolve, "P7D");
  assert.ok(document.exception_rules.length >= 5 && document.exception_rules.length <= 8);
});

Deno.test("the shipped admission list has Yungang's 43 items in the stated counts per department", async () => {
  const { document } = await loadRulesetDir(SHIPPED_RULES_DIR);
  const expected: Record<string, number> = {
    "YG-ZFW": 8, // 政法委
    "YG-TZB": 3, // 统战部
    "YG-XFJ": 2, // 信访局
    "YG-GAFJ": 4, // 公安分局
    "YG-MZJ": 10, // 民政局
    "YG-SFJ": 4, // 司法局
    "YG-WJJ": 3, // 卫健局
    "YG-YJJ": 1, // 应急局
    "YG-XFDD": 1, // 消防大队
    "YG-FL": 1, // 妇联
    "YG-RSJ": 6, // 人社局
  };
  const departments = document.units.filter((unit) => unit.tier === "department");
  assert.deepEqual(departments.map((unit) => unit.code).sort(), Object.keys(expected).sort());
  assert.ok(departments.every((unit) => unit.parent === "YG"));
  const counts: Record<string, number> = {};
  for (const matter of document.matter_types) {
    if (matter.owner in expected) counts[matter.owner] = (counts[matter.owner] ?? 0) + 1;
  }
  assert.deepEqual(counts, expected);
  assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), 43);
  const categories = new Set(document.matter_types.map((matter) => matter.category));
  assert.deepEqual(
    [...categories].sort(),
    ["dispute", "public_order", "public_safety", "public_service"],
  );
});

Deno.test("the shipped units chain grid → community → street → district → city", async () => {
  const { document } = await loadRulesetDir(SHIPPED_RULES_DIR);
  const byCode = new Map(document.units.map((unit) => [unit.code, unit]));
  const grids = document.units.filter((unit) => unit.tier === "grid");
  assert.ok(grids.length >= 3 * 2 * 2);
  for (const grid of grids) {
    const tiers: string[] = [];
    for (let unit = byCode.get(grid.code); unit; unit = byCode.get(unit.parent ?? "")) {
      tiers.push(unit.tier);
    }
    assert.deepEqual(tiers, ["grid", "community", "street", "district", "city"], grid.code);
  }
  const enterprise = document.units.find((unit) => unit.tier === "enterprise");
  assert.equal(enterprise?.name_zh, "国网大同供电公司");
  assert.ok(
    document.exception_rules.some((rule) =>
      rule.event.type === "assign" && rule.event.params.owner === enterprise?.code
    ),
  );
});

Deno.test("loadRulesetDir() names the file, line and column of a JSON syntax error", async () => {
  const text = await Deno.readTextFile(`${SHIPPED_RULES_DIR}units.json`);
  const broken = text.replace(/("parent": null)\n(\s*\})/, "$1,\n$2"); // a trailing comma
  assert.notEqual(broken, text);
  const line = broken.slice(0, broken.indexOf("null,")).split("\n").length;
  const findings = await refusal(await rulesCopyWithText("units.json", broken));
  const finding = errorAt(findings, "units.json", "", "");
  assert.match(finding.message.en, new RegExp(`line ${line}, column \\d+: trailing comma`));
  assert.match(finding.message.zh, new RegExp(`第 ${line} 行`));
});

Deno.test("loadRulesetDir() names the file, unit and field of a missing field", async () => {
  const dir = await rulesCopy("units.json", (json) => {
    delete itemBy(json, "code", "YG-MZJ").name_en;
    return json;
  });
  const finding = errorAt(await refusal(dir), "units.json", "YG-MZJ", "name_en");
  assert.match(finding.message.en, /missing field "name_en"/);
});

Deno.test("loadRulesetDir() guesses the field a mistyped field name meant", async () => {
  const dir = await rulesCopy("units.json", (json) => {
    const unit = itemBy(json, "code", "YG-S01");
    unit.parnet = unit.parent;
    delete unit.parent;
    return json;
  });
  const findings = await refusal(dir);
  assert.match(
    errorAt(findings, "units.json", "YG-S01", "parnet").message.en,
    /did you mean "parent"/,
  );
  errorAt(findings, "units.json", "YG-S01", "parent");
});

Deno.test("loadRulesetDir() names an item without a code by its index", async () => {
  const dir = await rulesCopy("matter_types.json", (json) => {
    delete items(json)[3].code;
    return json;
  });
  errorAt(await refusal(dir), "matter_types.json", "#3", "code");
});

Deno.test("loadRulesetDir() names the matter type and field of an unknown owner", async () => {
  const dir = await rulesCopy("matter_types.json", (json) => {
    itemBy(json, "code", "MT-MZJ-001").owner = "YG-MZ";
    return json;
  });
  const finding = errorAt(await refusal(dir), "matter_types.json", "MT-MZJ-001", "owner");
  assert.match(finding.message.en, /"YG-MZ" is not a unit.*did you mean "YG-MZJ"/);
});

Deno.test("loadRulesetDir() names the file, unit and field of a parent cycle", async () => {
  const dir = await rulesCopy("units.json", (json) => {
    itemBy(json, "code", "YG-S02").parent = "YG-S02-C01-G01"; // street → its own grid
    return json;
  });
  const findings = await refusal(dir);
  const finding = errorAt(findings, "units.json", "YG-S02", "parent");
  assert.match(finding.message.en, /YG-S02 → YG-S02-C01-G01 → YG-S02-C01 → YG-S02/);
  assert.match(finding.message.zh, /循环/);
  assert.equal(findings.filter((f) => /loops/.test(f.message.en)).length, 1);
});

Deno.test("loadRulesetDir() names the class and field of a bad duration", async () => {
  const dir = await rulesCopy("ruleset.json", (json) => {
    const ruleset = json as { time_limit_classes: Record<string, { normal: { resolve: string } }> };
    ruleset.time_limit_classes.standard.normal.resolve = "2 days";
    return json;
  });
  const finding = errorAt(
    await refusal(dir),
    "ruleset.json",
    "time_limit_classes.standard",
    "normal.resolve",
  );
  assert.match(finding.message.en, /"2 days" is not an ISO 8601 duration.*P2D/);
});

Deno.test("loadRulesetDir() names the rule and condition path of an unknown fact", async () => {
  const dir = await rulesCopy("exception_rules.json", (json) => {
    const rule = itemBy(json, "name", "night-public-order-to-police");
    rule.conditions = {
      all: [
        { fact: "category", operator: "equal", value: "public_order" },
        { any: [{ fact: "hours", operator: "greaterThanInclusive", value: 22 }] },
      ],
    };
    return json;
  });
  const finding = errorAt(
    await refusal(dir),
    "exception_rules.json",
    "night-public-order-to-police",
    "conditions.all[1].any[0].fact",
  );
  assert.match(finding.message.en, /unknown fact "hours"; did you mean "hour"\?/);
});

Deno.test("loadRulesetDir() names the rule and condition path of an unknown operator", async () => {
  const dir = await rulesCopy("exception_rules.json", (json) => {
    const rule = itemBy(json, "name", "gas-leak-to-fire-brigade");
    rule.conditions = { all: [{ fact: "text", operator: "containAnyText", value: ["燃气"] }] };
    return json;
  });
  const finding = errorAt(
    await refusal(dir),
    "exception_rules.json",
    "gas-leak-to-fire-brigade",
    "conditions.all[0].operator",
  );
  assert.match(finding.message.en, /did you mean "containsAnyText"/);
});

Deno.test("loadRulesetDir() names the path of a malformed condition", async () => {
  const dir = await rulesCopy("exception_rules.json", (json) => {
    const [first, second, third] = items(json);
    first.conditions = { all: [{ fact: "text", operator: "containsText" }] }; // no value
    second.conditions = { fact: "type", operator: "equal", value: "MT-PS-ELEC" }; // not wrapped
    third.conditions = { all: [{ not: { al: [] } }] }; // no all/any/not/fact
    return json;
  });
  const findings = await refusal(dir);
  const names = ["gas-leak-to-fire-brigade", "heruiyuan-power-to-state-grid"];
  errorAt(findings, "exception_rules.json", names[0], "conditions.all[0].value");
  assert.match(
    errorAt(findings, "exception_rules.json", names[1], "conditions").message.en,
    /wrap this comparison/,
  );
  assert.match(
    errorAt(
      findings,
      "exception_rules.json",
      "wage-arrears-keywords-to-hrss",
      "conditions.all[0].not",
    )
      .message.en,
    /needs one of "all", "any", "not" or "fact" \(it has: "al"\)/,
  );
});

Deno.test("loadRulesetDir() refuses onSuccess with the reason", async () => {
  const dir = await rulesCopy("exception_rules.json", (json) => {
    items(json)[0].onSuccess = "notify";
    return json;
  });
  assert.match(
    errorAt(await refusal(dir), "exception_rules.json", "gas-leak-to-fire-brigade", "onSuccess")
      .message.en,
    /onSuccess is not supported/,
  );
});

Deno.test("loadRulesetDir() refuses condition references and a list operator without a list", async () => {
  const dir = await rulesCopy("exception_rules.json", (json) => {
    const [, second, third] = items(json);
    second.conditions = { all: [{ condition: "isElectricity" }] };
    third.conditions = { all: [{ fact: "type", operator: "in", value: "MT-RSJ-001" }] };
    return json;
  });
  const findings = await refusal(dir);
  assert.match(
    errorAt(
      findings,
      "exception_rules.json",
      "heruiyuan-power-to-state-grid",
      "conditions.all[0].condition",
    ).message.en,
    /no shared conditions/,
  );
  assert.match(
    errorAt(
      findings,
      "exception_rules.json",
      "wage-arrears-keywords-to-hrss",
      "conditions.all[0].value",
    )
      .message.en,
    /operator in needs a list/,
  );
});

Deno.test("loadRulesetDir() names a duplicate unit code", async () => {
  const dir = await rulesCopy("units.json", (json) => {
    itemBy(json, "code", "YG-WJJ").code = "YG-MZJ";
    return json;
  });
  const finding = errorAt(await refusal(dir), "units.json", "YG-MZJ", "code");
  assert.match(finding.message.en, /unit code "YG-MZJ" is used twice/);
});

Deno.test("loadRulesetDir() names a duplicate matter type code and rule name", async () => {
  const dir = await rulesCopy("matter_types.json", (json) => {
    itemBy(json, "code", "MT-FL-001").code = "MT-YJJ-001";
    return json;
  });
  errorAt(await refusal(dir), "matter_types.json", "MT-YJJ-001", "code");

  const rulesDir = await rulesCopy("exception_rules.json", (json) => {
    items(json)[1].name = items(json)[0].name;
    return json;
  });
  errorAt(await refusal(rulesDir), "exception_rules.json", "gas-leak-to-fire-brigade", "name");
});

Deno.test("loadRulesetDir() names a missing file", async () => {
  const dir = await rulesCopy();
  await Deno.remove(`${dir}/matter_types.json`);
  const finding = errorAt(await refusal(dir), "matter_types.json", "", "");
  assert.match(finding.message.en, /file not found/);
});

Deno.test("loadRulesetDir() returns warnings without refusing the ruleset", async () => {
  const dir = await rulesCopy("exception_rules.json", (json) => {
    const rule = itemBy(json, "name", "heruiyuan-power-to-state-grid");
    rule.conditions = { all: [{ fact: "type", operator: "equal", value: "MT-PS-ELECT" }] };
    return json;
  });
  try {
    const { warnings } = await loadRulesetDir(dir);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].severity, "warning");
    assert.equal(warnings[0].item, "heruiyuan-power-to-state-grid");
    assert.equal(warnings[0].field, "conditions.all[0].value");
    assert.match(warnings[0].message.en, /no matter type "MT-PS-ELECT".*did you mean "MT-PS-ELEC"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("RulesetInvalidError lists every finding on its own line as file › item › field", async () => {
  const dir = await rulesCopy("units.json", (json) => {
    itemBy(json, "code", "YG-S01-C01").parent = "YG-S09";
    itemBy(json, "code", "YG-S02").tier = "town";
    return json;
  });
  try {
    await loadRulesetDir(dir);
    assert.fail("the ruleset was accepted");
  } catch (error) {
    assert.ok(error instanceof RulesetInvalidError);
    const lines = error.message.split("\n");
    assert.equal(lines[0], "ruleset refused: 1 error");
    assert.match(lines[1], /^units\.json › YG-S02 › tier: "town" is not allowed; use one of /);
    assert.equal(lines.length, 2); // the shape error stops the run before semantic checks
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
