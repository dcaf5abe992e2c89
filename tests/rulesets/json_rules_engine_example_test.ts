import assert from "node:assert/strict";
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import { loadRulesetDir } from "../../src/rulesets/load_ruleset_dir.ts";
import { reviewRuleset } from "../../src/rulesets/review_ruleset.ts";
import { SHIPPED_RULES_DIR } from "./ruleset_fixture.ts";

/** The first example of json-rules-engine's README (7.3.1), verbatim but for the name. */
const FOULED_OUT = {
  name: "fouled-out",
  conditions: {
    any: [{
      all: [{ fact: "gameDuration", operator: "equal", value: 40 }, {
        fact: "personalFoulCount",
        operator: "greaterThanInclusive",
        value: 5,
      }],
    }, {
      all: [{ fact: "gameDuration", operator: "equal", value: 48 }, {
        fact: "personalFoulCount",
        operator: "greaterThanInclusive",
        value: 6,
      }],
    }],
  },
  event: { type: "fouledOut", params: { message: "Player has fouled out!" } },
};

/** The README's "advanced" example: a fact with `path`s into an object. */
const CHRISTMAS_PTO = {
  name: "microsoft-christmas-pto",
  conditions: {
    all: [
      { fact: "account-information", operator: "equal", value: "microsoft", path: "$.company" },
      {
        fact: "account-information",
        operator: "in",
        value: ["active", "paid-leave"],
        path: "$.status",
      },
      {
        fact: "account-information",
        operator: "contains",
        value: "2016-12-25",
        path: "$.ptoDaysTaken",
      },
    ],
  },
  event: { type: "assign", params: { owner: "YG-RSJ" } },
};

async function withRule(rule: unknown): Promise<unknown> {
  const { document } = await loadRulesetDir(SHIPPED_RULES_DIR);
  return {
    ...document,
    exception_rules: [...document.exception_rules, rule],
  } as unknown as RulesetDocument;
}

Deno.test("json-rules-engine's README example is read in its own format; the findings say what Whistle lacks", async () => {
  // As published: the shape is json-rules-engine's, but Whistle rules assign or raise a level.
  const asPublished = reviewRuleset(await withRule(FOULED_OUT));
  assert.deepEqual(asPublished.map((f) => [f.severity, f.item, f.field]), [
    ["error", "fouled-out", "event.type"],
  ]);
  assert.match(
    asPublished[0].message.en,
    /"fouledOut" is not supported; use one of "assign", "assist", "raise_level"/,
  );

  // With a Whistle event the nested any/all conditions are accepted, and every fact Whistle
  // does not have is named where it is used, with the list of facts it does have.
  const withEvent = reviewRuleset(
    await withRule({ ...FOULED_OUT, event: { type: "assign", params: { owner: "YG-MZJ" } } }),
  );
  assert.deepEqual(withEvent.map((f) => [f.severity, f.field]), [
    ["error", "conditions.any[0].all[0].fact"],
    ["error", "conditions.any[0].all[1].fact"],
    ["error", "conditions.any[1].all[0].fact"],
    ["error", "conditions.any[1].all[1].fact"],
  ]);
  assert.match(
    withEvent[0].message.en,
    /^unknown fact "gameDuration"; facts are: type, category, /,
  );
  assert.match(withEvent[1].message.zh, /未知事实 "personalFoulCount"/);
});

Deno.test("json-rules-engine's path example: unknown fact, path and list operator are each explained", async () => {
  const findings = reviewRuleset(await withRule(CHRISTMAS_PTO));
  const fields = findings.map((f) => `${f.severity} ${f.field}`);
  assert.ok(fields.includes("error conditions.all[0].fact"), fields.join("\n"));
  assert.ok(fields.includes("warning conditions.all[0].path"), fields.join("\n"));
  assert.match(
    findings.find((f) => f.field === "conditions.all[0].path")!.message.en,
    /every Whistle fact is a single value/,
  );
});
