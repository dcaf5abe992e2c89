import assert from "node:assert/strict";
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import { rulesetContentHash } from "../../src/rulesets/content_hash.ts";
import { loadRulesetDir } from "../../src/rulesets/load_ruleset_dir.ts";
import { SHIPPED_RULES_DIR } from "./ruleset_fixture.ts";

/** A deep copy with every object's keys in reverse order. */
function reverseKeys(document: RulesetDocument): RulesetDocument {
  return JSON.parse(
    JSON.stringify(document),
    (_key, value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
  );
}

Deno.test("rulesetContentHash() is stable under key reordering", async () => {
  const { document } = await loadRulesetDir(SHIPPED_RULES_DIR);
  const hash = rulesetContentHash(document);
  assert.match(hash, /^[0-9a-f]{64}$/);
  const reordered = reverseKeys(document);
  assert.notEqual(JSON.stringify(reordered), JSON.stringify(document));
  assert.equal(rulesetContentHash(reordered), hash);
  assert.equal(rulesetContentHash(structuredClone(document)), hash);
});

Deno.test("rulesetContentHash() changes when any value or item order changes", async () => {
  const { document } = await loadRulesetDir(SHIPPED_RULES_DIR);
  const hash = rulesetContentHash(document);
  const renamed = structuredClone(document);
  renamed.units[5].name_en += " ";
  assert.notEqual(rulesetContentHash(renamed), hash);
  const limit = structuredClone(document);
  limit.time_limit_classes.small.normal.resolve = "PT3H";
  assert.notEqual(rulesetContentHash(limit), hash);
  const reordered = structuredClone(document);
  reordered.exception_rules.reverse();
  assert.notEqual(rulesetContentHash(reordered), hash);
});
