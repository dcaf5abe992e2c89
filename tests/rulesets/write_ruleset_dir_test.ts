import assert from "node:assert/strict";
import { RULESET_FILES } from "../../src/rulesets/finding.ts";
import { loadRulesetDir } from "../../src/rulesets/load_ruleset_dir.ts";
import { writeRulesetDir } from "../../src/rulesets/write_ruleset_dir.ts";
import { SHIPPED_RULES_DIR } from "./ruleset_fixture.ts";

Deno.test("writeRulesetDir() then loadRulesetDir() gives an equal document", async () => {
  const { document } = await loadRulesetDir(SHIPPED_RULES_DIR);
  const dir = await Deno.makeTempDir({ prefix: "whistle_rules_" });
  try {
    await writeRulesetDir(`${dir}/nested/rules`, document);
    const reloaded = await loadRulesetDir(`${dir}/nested/rules`);
    assert.deepEqual(reloaded.document, document);
    assert.deepEqual(reloaded.warnings, []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("writeRulesetDir() rewrites the shipped rules/ byte for byte (an empty git diff)", async () => {
  const { document } = await loadRulesetDir(SHIPPED_RULES_DIR);
  const dir = await Deno.makeTempDir({ prefix: "whistle_rules_" });
  try {
    await writeRulesetDir(dir, document);
    for (const file of Object.values(RULESET_FILES)) {
      assert.equal(
        await Deno.readTextFile(`${dir}/${file}`),
        await Deno.readTextFile(`${SHIPPED_RULES_DIR}${file}`),
        file,
      );
    }
    assert.deepEqual(
      [...Deno.readDirSync(dir)].map((entry) => entry.name).sort(),
      Object.values(RULESET_FILES).sort(),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("writeRulesetDir() puts keys in the file order whatever order the document has", async () => {
  const { document } = await loadRulesetDir(SHIPPED_RULES_DIR);
  const shuffled = JSON.parse(
    JSON.stringify(document),
    (_key, value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
  );
  const dir = await Deno.makeTempDir({ prefix: "whistle_rules_" });
  try {
    await writeRulesetDir(dir, shuffled);
    for (const file of Object.values(RULESET_FILES)) {
      if (file === RULESET_FILES.ruleset) continue; // class names keep the document's order
      assert.equal(
        await Deno.readTextFile(`${dir}/${file}`),
        await Deno.readTextFile(`${SHIPPED_RULES_DIR}${file}`),
        file,
      );
    }
    const ruleset = JSON.parse(await Deno.readTextFile(`${dir}/ruleset.json`));
    assert.deepEqual(Object.keys(ruleset), ["name", "fallback_unit", "time_limit_classes"]);
    assert.deepEqual(Object.keys(ruleset.time_limit_classes.small), [
      "name_zh",
      "name_en",
      "normal",
      "urgent",
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
