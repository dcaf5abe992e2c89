import assert from "node:assert/strict";
import { alwaysTrue, conditionImplies } from "../../src/rulesets/condition_implies.ts";

const type = (value: string) => ({ fact: "type", operator: "equal", value });
const urgent = { fact: "urgency", operator: "equal", value: "urgent" };
const categories = {
  categoryOf: (t: string) =>
    ({ "MT-1": "public_order", "MT-2": "public_order", "MT-3": "dispute" })[t],
};

Deno.test("conditionImplies(): a narrower all implies a wider one, never the other way", () => {
  const wide = { all: [type("MT-1")] };
  const narrow = { all: [type("MT-1"), urgent] };
  assert.equal(conditionImplies(narrow, wide), true);
  assert.equal(conditionImplies(wide, narrow), false);
  assert.equal(conditionImplies(narrow, narrow), true);
});

Deno.test("conditionImplies(): an empty all matches everything; an empty any implies nothing", () => {
  assert.equal(conditionImplies({ all: [urgent] }, { all: [] }), true);
  assert.equal(conditionImplies({ any: [] }, { all: [urgent] }), false);
  assert.equal(alwaysTrue({ all: [{ all: [] }] }), true);
  assert.equal(alwaysTrue({ any: [] }), false);
});

Deno.test("conditionImplies(): value sets, exclusions and number ranges", () => {
  const inList = { all: [{ fact: "type", operator: "in", value: ["MT-1", "MT-2"] }] };
  assert.equal(conditionImplies({ all: [type("MT-1")] }, inList), true);
  assert.equal(conditionImplies(inList, { all: [type("MT-1")] }), false);
  assert.equal(
    conditionImplies({ all: [type("MT-1")] }, {
      all: [{ fact: "type", operator: "notIn", value: ["MT-3"] }],
    }),
    true,
  );
  assert.equal(
    conditionImplies(
      { all: [{ fact: "channel", operator: "notIn", value: ["web", "wechat"] }] },
      { all: [{ fact: "channel", operator: "notEqual", value: "web" }] },
    ),
    true,
  );
  const late = { all: [{ fact: "hour", operator: "greaterThanInclusive", value: 22 }] };
  assert.equal(
    conditionImplies(late, { all: [{ fact: "hour", operator: "greaterThan", value: 20 }] }),
    true,
  );
  assert.equal(
    conditionImplies(late, { all: [{ fact: "hour", operator: "greaterThan", value: 22 }] }),
    false,
  );
  assert.equal(
    conditionImplies(
      { all: [{ fact: "hour", operator: "equal", value: 23 }] },
      { all: [{ fact: "hour", operator: "greaterThan", value: 22 }] },
    ),
    true,
  );
});

Deno.test("conditionImplies(): text words by substring, as containsText matches", () => {
  const gasLeak = { all: [{ fact: "text", operator: "containsText", value: "燃气泄漏" }] };
  const gas = { all: [{ fact: "text", operator: "containsText", value: "燃气" }] };
  const gasWords = {
    all: [{ fact: "text", operator: "containsAnyText", value: ["燃气泄漏", "煤气泄漏"] }],
  };
  const leak = { all: [{ fact: "text", operator: "containsAnyText", value: ["泄漏", "漏气"] }] };
  assert.equal(conditionImplies(gasLeak, gas), true);
  assert.equal(conditionImplies(gas, gasLeak), false);
  assert.equal(conditionImplies(gasWords, leak), true);
  assert.equal(conditionImplies(gasWords, gas), false); // 煤气泄漏 has no 燃气
  assert.equal(conditionImplies(gasLeak, gasWords), true);
});

Deno.test("conditionImplies(): any on either side, and nesting", () => {
  const either = { any: [type("MT-1"), type("MT-2")] };
  assert.equal(conditionImplies({ all: [type("MT-1"), urgent] }, either), true);
  assert.equal(
    conditionImplies(either, { all: [{ fact: "type", operator: "in", value: ["MT-1", "MT-2"] }] }),
    true,
  );
  assert.equal(conditionImplies(either, { all: [type("MT-1")] }), false);
  assert.equal(
    conditionImplies({ all: [{ all: [type("MT-1"), { any: [urgent] }] }] }, { all: [urgent] }),
    true,
  );
});

Deno.test("conditionImplies(): a matter type implies its category through the ruleset", () => {
  const order = { all: [{ fact: "category", operator: "equal", value: "public_order" }] };
  assert.equal(conditionImplies({ all: [type("MT-1")] }, order, categories), true);
  assert.equal(
    conditionImplies(
      { all: [{ fact: "type", operator: "in", value: ["MT-1", "MT-2"] }] },
      order,
      categories,
    ),
    true,
  );
  assert.equal(conditionImplies({ all: [type("MT-3")] }, order, categories), false);
  assert.equal(conditionImplies({ all: [type("MT-9")] }, order, categories), false);
  assert.equal(conditionImplies({ all: [type("MT-1")] }, order), false); // no context
});

Deno.test("conditionImplies(): what it cannot reason about only implies an identical condition", () => {
  const notUrgent = { all: [{ not: urgent }] };
  assert.equal(conditionImplies(notUrgent, { all: [{ not: { ...urgent, name: "u" } }] }), true);
  assert.equal(
    conditionImplies(notUrgent, { all: [{ fact: "urgency", operator: "equal", value: "normal" }] }),
    false,
  );
  const withPath = { all: [{ fact: "text", operator: "equal", value: "x", path: "$.a" }] };
  assert.equal(conditionImplies(withPath, withPath), true);
  assert.equal(
    conditionImplies(withPath, { all: [{ fact: "text", operator: "equal", value: "x" }] }),
    false,
  );
  const factRef = { all: [{ fact: "hour", operator: "equal", value: { fact: "weekday" } }] };
  assert.equal(
    conditionImplies(factRef, { all: [{ fact: "hour", operator: "in", value: [1] }] }),
    false,
  );
  assert.equal(conditionImplies("nonsense", { all: [] }), false);
});
