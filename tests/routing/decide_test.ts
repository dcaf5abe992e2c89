import assert from "node:assert/strict";
import { decide } from "../../src/routing/decide.ts";
import type { Deadlines } from "../../src/routing/decision.ts";
import type { ExceptionRule } from "../../src/routing/ruleset.ts";
import { assignRule, facts, fixture, fixtureDocument, NOW, raiseRule } from "./fixtures.ts";
import { compileRuleset } from "../../src/routing/compile_ruleset.ts";

const typeIs = (type: string) => ({ fact: "type", operator: "equal", value: type });
/** The two deadlines, without the warnings, limits and calendar notes decide() adds. */
const due = ({ accept_by, resolve_by }: Deadlines) => ({ accept_by, resolve_by });

Deno.test("decide() gives the case to the admission-list owner when no rule matches", async () => {
  const decision = await decide(fixture(), facts(), NOW);
  assert.deepEqual({ ...decision, deadlines: due(decision.deadlines) }, {
    owner: "CGJ",
    list_owner: "CGJ",
    matched_rules: [],
    fallback: false,
    priority: "normal",
    reason: {
      zh: "事项准入清单：“占道经营”（MT-CG-001）由区城管局承办。" +
        "时限“小事”：30分钟内签收、2小时内办结。",
      en: 'Admission list: "Street vending" (MT-CG-001) is owned by Urban Management Bureau. ' +
        'Time limits (class "Small matter", normal limits): accept within 30 minutes, ' +
        "resolve within 2 hours.",
    },
    deadlines: {
      accept_by: "2026-03-02T02:35:00.000Z",
      resolve_by: "2026-03-02T04:05:00.000Z",
    },
    assisting: [],
    ruleset: { version: 7, hash: "fixture-hash" },
  });
});

Deno.test("decide() follows an exception rule by area", async () => {
  const ruleset = fixture([
    assignRule(
      "power-in-heruiyuan",
      "POWER",
      { all: [typeIs("MT-PS-ELEC"), { fact: "area_code", operator: "in", value: ["ST1-C1"] }] },
      50,
      "和瑞园由国网直供。 Heruiyuan is supplied directly by State Grid.",
    ),
  ]);
  const inArea = await decide(ruleset, facts({ type: "MT-PS-ELEC", text: "停电了" }), NOW);
  assert.equal(inArea.owner, "POWER");
  assert.equal(inArea.list_owner, "CENTER");
  assert.equal(inArea.fallback, false);
  assert.deepEqual(inArea.matched_rules, [
    {
      name: "power-in-heruiyuan",
      priority: 50,
      event: { type: "assign", params: { owner: "POWER" } },
    },
  ]);
  assert.match(
    inArea.reason.en,
    /^Admission list: "Power outage" \(MT-PS-ELEC\) is owned by District center\. Exception rule "power-in-heruiyuan" \(Heruiyuan is supplied directly by State Grid\) sends it to State Grid power company\./,
  );
  assert.match(
    inArea.reason.zh,
    /^事项准入清单：“停电”（MT-PS-ELEC）由区综治中心承办。例外规则“power-in-heruiyuan”（和瑞园由国网直供）将其改派国网供电公司。/,
  );

  const elsewhere = await decide(
    ruleset,
    facts({ type: "MT-PS-ELEC", area_code: "ST2-C9", text: "停电了" }),
    NOW,
  );
  assert.equal(elsewhere.owner, "CENTER");
  assert.deepEqual(elsewhere.matched_rules, []);
});

Deno.test("decide() follows an exception rule by keyword", async () => {
  const ruleset = fixture([
    assignRule("gas-leak", "XFDD", {
      all: [{ fact: "text", operator: "containsAnyText", value: ["燃气泄漏", "煤气味"] }],
    }, 100),
    assignRule("stall-word", "GAFJ", {
      all: [{ fact: "text", operator: "containsText", value: "打架" }],
    }),
  ]);
  assert.equal((await decide(ruleset, facts({ text: "楼道里有煤气味" }), NOW)).owner, "XFDD");
  assert.equal((await decide(ruleset, facts({ text: "摊贩打架" }), NOW)).owner, "GAFJ");
  assert.equal((await decide(ruleset, facts({ text: "摊贩占道" }), NOW)).owner, "CGJ");
});

Deno.test("decide() lets the higher-priority assign rule win", async () => {
  const ruleset = fixture([
    assignRule("low", "GAFJ", { all: [typeIs("MT-CG-001")] }, 10),
    assignRule(
      "high",
      "ST1",
      { all: [{ fact: "area_code", operator: "equal", value: "ST1-C1" }] },
      50,
    ),
  ]);
  const decision = await decide(ruleset, facts(), NOW);
  assert.equal(decision.owner, "ST1");
  assert.deepEqual(decision.matched_rules.map((rule) => [rule.name, rule.priority]), [
    ["high", 50],
    ["low", 10],
  ]);
  assert.match(
    decision.reason.en,
    /Also matched but not applied \(lower priority or later in the list\): "low"\./,
  );
});

Deno.test("decide() breaks a priority tie by document order", async () => {
  const first = assignRule("first", "GAFJ", { all: [typeIs("MT-CG-001")] }, 20);
  const second = assignRule("second", "ST1", { all: [typeIs("MT-CG-001")] }, 20);
  const a = await decide(fixture([first, second]), facts(), NOW);
  assert.equal(a.owner, "GAFJ");
  assert.deepEqual(a.matched_rules.map((rule) => rule.name), ["first", "second"]);
  const b = await decide(fixture([second, first]), facts(), NOW);
  assert.equal(b.owner, "ST1");
  assert.deepEqual(b.matched_rules.map((rule) => rule.name), ["second", "first"]);
});

Deno.test("decide() raises an urgent case up the chain (提级响应)", async () => {
  const urgentSafety = {
    all: [
      { fact: "urgency", operator: "equal", value: "urgent" },
      { fact: "category", operator: "equal", value: "public_safety" },
    ],
  };
  const hazard = facts({ type: "MT-AQ-001", urgency: "urgent", text: "井盖缺失" });

  const one = await decide(fixture([raiseRule("raise", urgentSafety, 1)]), hazard, NOW);
  assert.equal(one.list_owner, "ST1-C1-G1");
  assert.equal(one.owner, "ST1-C1");
  assert.equal(one.priority, "urgent");
  assert.deepEqual(one.matched_rules, [
    { name: "raise", priority: 1, event: { type: "raise_level", params: { levels: 1 } } },
  ]);
  assert.match(
    one.reason.en,
    /Exception rule "raise" raises it 1 level \(提级响应\): Heruiyuan Community takes it instead of Heruiyuan grid 1\./,
  );
  assert.match(one.reason.zh, /例外规则“raise”要求提级响应1级：由和瑞园第一网格上提至和瑞园社区。/);

  const defaultLevels = await decide(fixture([raiseRule("raise", urgentSafety)]), hazard, NOW);
  assert.equal(defaultLevels.owner, "ST1-C1");

  const two = await decide(fixture([raiseRule("raise", urgentSafety, 2)]), hazard, NOW);
  assert.equal(two.owner, "ST1");

  const many = await decide(fixture([raiseRule("raise", urgentSafety, 9)]), hazard, NOW);
  assert.equal(many.owner, "CITY");
  assert.match(many.reason.en, /City hotline \(the top of the chain\) takes it/);

  const notUrgent = await decide(
    fixture([raiseRule("raise", urgentSafety, 1)]),
    { ...hazard, urgency: "normal" },
    NOW,
  );
  assert.equal(notUrgent.owner, "ST1-C1-G1");
  assert.equal(notUrgent.priority, "normal");
});

Deno.test("decide() raises after the assign rule and makes a raised case urgent", async () => {
  const ruleset = fixture([
    assignRule("to-police", "GAFJ", { all: [typeIs("MT-CG-001")] }, 30),
    raiseRule("hotline-raise", { all: [{ fact: "channel", operator: "equal", value: "hotline" }] }),
  ]);
  const decision = await decide(ruleset, facts({ urgency: "normal" }), NOW);
  assert.equal(decision.owner, "DIST");
  assert.equal(decision.priority, "urgent");
  assert.match(decision.reason.en, /Handled as urgent \(the level was raised\)\./);
  // Urgent limits of the "small" class: 10 minutes / 1 hour.
  assert.deepEqual(due(decision.deadlines), {
    accept_by: "2026-03-02T02:15:00.000Z",
    resolve_by: "2026-03-02T03:05:00.000Z",
  });
});

Deno.test("decide() uses the largest raise when several raise rules match", async () => {
  const always = { all: [typeIs("MT-AQ-001")] };
  const ruleset = fixture([raiseRule("one", always, 1, 5), raiseRule("two", always, 2, 1)]);
  const decision = await decide(ruleset, facts({ type: "MT-AQ-001" }), NOW);
  assert.equal(decision.owner, "ST1");
  assert.deepEqual(decision.matched_rules.map((rule) => rule.name), ["one", "two"]);
});

Deno.test("decide() passes over excluded units (退单)", async () => {
  const ruleset = fixture([
    assignRule("to-street", "ST1", { all: [typeIs("MT-CG-001")] }, 50),
    assignRule("to-police", "GAFJ", { all: [typeIs("MT-CG-001")] }, 10),
  ]);
  const routed = async (exclude: string[]) => await decide(ruleset, facts(), NOW, { exclude });

  assert.equal((await routed([])).owner, "ST1");
  const next = await routed(["ST1"]);
  assert.equal(next.owner, "GAFJ");
  assert.match(
    next.reason.en,
    /Exception rule "to-street" would send it to Xinwang Street, but that unit is excluded \(e\.g\. it returned the case\)\. Exception rule "to-police" sends it to Police branch\./,
  );
  assert.equal((await routed(["ST1", "GAFJ"])).owner, "CGJ");

  const none = await routed(["ST1", "GAFJ", "CGJ"]);
  assert.equal(none.owner, "CENTER");
  assert.equal(none.fallback, true);
  assert.equal(none.list_owner, "CGJ");
  assert.match(none.reason.en, /The listed owner Urban Management Bureau is excluded/);
  assert.match(none.reason.zh, /没有其他可承办的单位，转兜底单位区综治中心人工派单。/);
  // Every matching rule is still reported.
  assert.deepEqual(none.matched_rules.map((rule) => rule.name), ["to-street", "to-police"]);
});

Deno.test("decide() never raises a case onto an excluded unit", async () => {
  const ruleset = fixture([raiseRule("raise", { all: [typeIs("MT-AQ-001")] }, 1)]);
  const hazard = facts({ type: "MT-AQ-001" });
  const skip = await decide(ruleset, hazard, NOW, { exclude: ["ST1-C1"] });
  assert.equal(skip.owner, "ST1");
  assert.match(skip.reason.en, /skipping excluded Heruiyuan Community/);

  const allAbove = await decide(ruleset, hazard, NOW, {
    exclude: ["ST1-C1", "ST1", "DIST", "CITY"],
  });
  assert.equal(allAbove.owner, "CENTER");
  assert.equal(allAbove.fallback, true);
});

Deno.test("decide() sends an unclaimed case to the fallback unit", async () => {
  const ruleset = fixture([assignRule("vending", "GAFJ", { all: [typeIs("MT-CG-001")] })]);
  const decision = await decide(ruleset, facts({ type: "MT-NEW-999" }), NOW);
  assert.equal(decision.owner, "CENTER");
  assert.equal(decision.fallback, true);
  assert.equal(decision.list_owner, null);
  assert.deepEqual(decision.matched_rules, []);
  assert.equal(
    decision.reason.en,
    'Matter type "MT-NEW-999" is not in the admission list. ' +
      "No exception rule claims it, so it goes to the fallback unit, District center. " +
      'Time limits (default class "Time-consuming matter", normal limits): accept within 2 hours, ' +
      "resolve within 2 days.",
  );
  assert.equal(
    decision.reason.zh,
    "事项编码“MT-NEW-999”不在事项准入清单中。没有例外规则认领，转兜底单位区综治中心人工派单。" +
      "默认时限“耗时事项”：2小时内签收、2天内办结。",
  );
  // The "standard" class: 2 hours / 2 days.
  assert.deepEqual(due(decision.deadlines), {
    accept_by: "2026-03-02T04:05:00.000Z",
    resolve_by: "2026-03-04T02:05:00.000Z",
  });
});

Deno.test("decide() lets a rule for every type claim a case of an unknown type", async () => {
  const ruleset = fixture([
    assignRule("gas-leak", "XFDD", {
      all: [{ fact: "text", operator: "containsText", value: "燃气泄漏" }],
    }),
  ]);
  const decision = await decide(ruleset, facts({ type: "MT-NEW-999", text: "燃气泄漏" }), NOW);
  assert.equal(decision.owner, "XFDD");
  assert.equal(decision.fallback, false);
  assert.equal(decision.list_owner, null);
});

Deno.test("decide() never crashes on odd input: unknown type, bad time, unknown owner unit", async () => {
  const ruleset = fixture([
    assignRule("ghost", "NO-SUCH-UNIT", { all: [typeIs("MT-CG-001")] }, 90),
    assignRule("night", "GAFJ", { all: [{ fact: "hour", operator: "lessThan", value: 6 }] }),
  ]);
  const decision = await decide(ruleset, facts({ reported_at: "not a date" }), NOW);
  assert.equal(decision.owner, "CGJ");
  assert.deepEqual(decision.matched_rules.map((rule) => rule.name), ["ghost"]);
  assert.match(decision.reason.en, /names "NO-SUCH-UNIT", which is not a unit of this ruleset/);
});

Deno.test("decide() sets deadlines from the matter type's time limits", async () => {
  const ruleset = fixture();
  const at = async (type: string, urgency: "normal" | "urgent") =>
    due((await decide(ruleset, facts({ type, urgency }), NOW)).deadlines);
  // small: PT30M / PT2H, urgent PT10M / PT1H
  assert.deepEqual(await at("MT-CG-001", "normal"), {
    accept_by: "2026-03-02T02:35:00.000Z",
    resolve_by: "2026-03-02T04:05:00.000Z",
  });
  assert.deepEqual(await at("MT-CG-001", "urgent"), {
    accept_by: "2026-03-02T02:15:00.000Z",
    resolve_by: "2026-03-02T03:05:00.000Z",
  });
  // standard: PT2H / P2D, urgent PT30M / P1D
  assert.deepEqual(await at("MT-MZ-001", "urgent"), {
    accept_by: "2026-03-02T02:35:00.000Z",
    resolve_by: "2026-03-03T02:05:00.000Z",
  });
  // complex has no urgent limits: PT4H / P7D apply to urgent cases too
  assert.deepEqual(await at("MT-AQ-001", "urgent"), {
    accept_by: "2026-03-02T06:05:00.000Z",
    resolve_by: "2026-03-09T02:05:00.000Z",
  });
});

Deno.test("decide() uses the first class for an unknown type when there is no standard class", async () => {
  const document = fixtureDocument();
  const { standard: _dropped, ...rest } = document.time_limit_classes;
  const ruleset = compileRuleset({ ...document, time_limit_classes: rest }, {
    version: 1,
    hash: "h",
  });
  const decision = await decide(ruleset, facts({ type: "MT-NEW-999" }), NOW);
  assert.deepEqual(due(decision.deadlines), {
    accept_by: "2026-03-02T02:35:00.000Z",
    resolve_by: "2026-03-02T04:05:00.000Z",
  });
});

Deno.test("decide() derives hour and weekday in Beijing time", async () => {
  const ruleset = fixture([
    assignRule("night", "GAFJ", {
      all: [{
        any: [
          { fact: "hour", operator: "greaterThanInclusive", value: 22 },
          { fact: "hour", operator: "lessThan", value: 6 },
        ],
      }],
    }, 20),
    assignRule("monday", "ST1", { all: [{ fact: "weekday", operator: "equal", value: 1 }] }, 10),
    assignRule("sunday", "MZJ", { all: [{ fact: "weekday", operator: "equal", value: 7 }] }, 10),
  ]);
  const names = async (reported_at: string) =>
    (await decide(ruleset, facts({ reported_at }), NOW)).matched_rules.map((rule) => rule.name);
  // Sunday 23:30 in Beijing (15:30 UTC).
  assert.deepEqual(await names("2026-03-01T15:30:00Z"), ["night", "sunday"]);
  // Sunday 21:30 in Beijing.
  assert.deepEqual(await names("2026-03-01T13:30:00Z"), ["sunday"]);
  // Monday 00:30 in Beijing, still Sunday in UTC.
  assert.deepEqual(await names("2026-03-01T16:30:00Z"), ["night", "monday"]);
  // Monday 06:00 in Beijing given with an offset.
  assert.deepEqual(await names("2026-03-02T06:00:00+08:00"), ["monday"]);
});

Deno.test("decide() derives the category from the matter type", async () => {
  const ruleset = fixture([
    assignRule("disputes", "ST1", {
      all: [{ fact: "category", operator: "equal", value: "dispute" }],
    }),
  ]);
  assert.equal((await decide(ruleset, facts({ type: "MT-MZ-001" }), NOW)).owner, "ST1");
  assert.equal((await decide(ruleset, facts({ type: "MT-CG-001" }), NOW)).owner, "CGJ");
  // A category the caller passes is ignored: it comes from the admission list.
  const claimed = { ...facts({ type: "MT-CG-001" }), category: "dispute" };
  assert.equal((await decide(ruleset, claimed, NOW)).owner, "CGJ");
});

Deno.test("decide() evaluates nested all/any/not conditions", async () => {
  const ruleset = fixture([
    assignRule("settle-locally", "ST1", {
      all: [
        { fact: "category", operator: "equal", value: "dispute" },
        {
          any: [
            { fact: "area_code", operator: "in", value: ["ST1", "ST1-C1"] },
            { fact: "grid_code", operator: "equal", value: "ST1-C2-G1" },
          ],
        },
        {
          not: {
            any: [
              { fact: "urgency", operator: "equal", value: "urgent" },
              {
                all: [{ fact: "channel", operator: "equal", value: "web" }, {
                  fact: "text",
                  operator: "containsText",
                  value: "土地",
                }],
              },
            ],
          },
        },
      ],
    }),
  ]);
  const owner = async (changes: Parameters<typeof facts>[0]) =>
    (await decide(ruleset, facts({ type: "MT-MZ-001", ...changes }), NOW)).owner;
  assert.equal(await owner({}), "ST1");
  assert.equal(await owner({ area_code: "ST9", grid_code: "ST1-C2-G1" }), "ST1");
  assert.equal(await owner({ area_code: "ST9", grid_code: "ST9-C1-G1" }), "MZJ");
  assert.equal(await owner({ urgency: "urgent" }), "MZJ");
  assert.equal(await owner({ channel: "web", text: "土地纠纷" }), "MZJ");
  assert.equal(await owner({ channel: "web", text: "噪音纠纷" }), "ST1");
  assert.equal(await owner({ channel: "hotline", text: "土地纠纷" }), "ST1");
});

Deno.test("decide() evaluates a condition with `path` through json-rules-engine", async () => {
  // Every case fact is a plain value; json-rules-engine reads a path only inside objects, so on a
  // text fact the path leaves the text as it is.
  const ruleset = fixture([
    assignRule("gas", "XFDD", {
      all: [{ fact: "text", path: "$.content", operator: "containsText", value: "燃气" }],
    }),
  ]);
  assert.equal((await decide(ruleset, facts({ text: "燃气泄漏" }), NOW)).owner, "XFDD");
  assert.equal((await decide(ruleset, facts({ text: "噪音" }), NOW)).owner, "CGJ");
});

Deno.test("decide() compares a fact with another fact (value: { fact })", async () => {
  const ruleset = fixture([
    assignRule("grid-is-area", "ST1", {
      all: [{ fact: "grid_code", operator: "equal", value: { fact: "area_code" } }],
    }),
  ]);
  assert.equal(
    (await decide(ruleset, facts({ area_code: "X1", grid_code: "X1" }), NOW)).owner,
    "ST1",
  );
  assert.equal(
    (await decide(ruleset, facts({ area_code: "X1", grid_code: "X2" }), NOW)).owner,
    "CGJ",
  );
});

Deno.test("decide() applies rules without a type condition to every type", async () => {
  const ruleset = fixture([
    assignRule("hotline-keyword", "GAFJ", {
      all: [{ fact: "text", operator: "containsText", value: "报警" }],
    }),
  ]);
  for (const type of ["MT-CG-001", "MT-MZ-001", "MT-PS-ELEC", "MT-AQ-001", "MT-NEW-1"]) {
    assert.equal((await decide(ruleset, facts({ type, text: "我要报警" }), NOW)).owner, "GAFJ");
    assert.notEqual((await decide(ruleset, facts({ type, text: "噪音" }), NOW)).owner, "GAFJ");
  }
});

Deno.test("decide() never applies a rule for one matter type to another", async () => {
  const ruleset = fixture([
    assignRule("vending-here", "ST1", {
      all: [typeIs("MT-CG-001"), { fact: "area_code", operator: "equal", value: "ST1-C1" }],
    }),
    assignRule("disputes-or-power", "GAFJ", {
      all: [{ fact: "type", operator: "in", value: ["MT-MZ-001", "MT-PS-ELEC"] }],
    }),
  ]);
  const owner = async (type: string) => (await decide(ruleset, facts({ type }), NOW)).owner;
  assert.equal(await owner("MT-CG-001"), "ST1");
  assert.equal(await owner("MT-MZ-001"), "GAFJ");
  assert.equal(await owner("MT-PS-ELEC"), "GAFJ");
  assert.equal(await owner("MT-AQ-001"), "ST1-C1-G1");
  assert.equal(await owner("MT-NEW-1"), "CENTER");
});

Deno.test("decide() is pure: the same input gives the same decision and nothing is changed", async () => {
  const rules: ExceptionRule[] = [
    assignRule("vending", "GAFJ", { all: [typeIs("MT-CG-001")] }, 10),
    raiseRule("raise", { all: [{ fact: "urgency", operator: "equal", value: "urgent" }] }),
  ];
  const document = fixtureDocument(rules);
  const before = structuredClone(document);
  const ruleset = compileRuleset(document, { version: 1, hash: "h" });
  const input = Object.freeze(facts({ urgency: "urgent" }));
  const first = await decide(ruleset, input, NOW, { exclude: Object.freeze(["MZJ"]) });
  const second = await decide(ruleset, input, NOW, { exclude: ["MZJ"] });
  assert.deepEqual(first, second);
  assert.equal(NOW.toISOString(), "2026-03-02T02:05:00.000Z");
  // Changing a decision does not reach into the ruleset.
  (first.matched_rules[0].event.params as Record<string, unknown>).owner = "CHANGED";
  assert.deepEqual(document, before);
  assert.deepEqual(await decide(ruleset, input, NOW, { exclude: ["MZJ"] }), second);
});

Deno.test("decide() gives the same answers when many decisions run at once", async () => {
  // Rules at three priorities, two of which json-rules-engine itself has to evaluate (a fact
  // compared with another fact): concurrent runs must not cut each other short.
  const ruleset = fixture([
    assignRule("grid-is-area", "ST1", {
      all: [{ fact: "grid_code", operator: "equal", value: { fact: "area_code" } }],
    }, 30),
    assignRule("same-channel-source", "GAFJ", {
      all: [{ fact: "channel", operator: "equal", value: { fact: "source" } }],
    }, 20),
    raiseRule("urgent", { all: [{ fact: "urgency", operator: "equal", value: "urgent" }] }, 1, 1),
  ]);
  const inputs = Array.from({ length: 60 }, (_, i) =>
    facts({
      area_code: i % 2 ? "X" : "Y",
      grid_code: "X",
      channel: i % 3 ? "hotline" : "web",
      source: "web",
      urgency: i % 5 ? "normal" : "urgent",
    }));
  const sequential = [];
  for (const input of inputs) sequential.push(await decide(ruleset, input, NOW));
  const concurrent = await Promise.all(inputs.map((input) => decide(ruleset, input, NOW)));
  assert.deepEqual(concurrent, sequential);
  assert.deepEqual(sequential[3].matched_rules.map((rule) => rule.name), [
    "grid-is-area",
    "same-channel-source",
  ]);
  assert.deepEqual(sequential[5].matched_rules.map((rule) => rule.name), [
    "grid-is-area",
    "urgent",
  ]);
});
