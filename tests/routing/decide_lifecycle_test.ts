import assert from "node:assert/strict";
import { compileRuleset } from "../../src/routing/compile_ruleset.ts";
import { decide } from "../../src/routing/decide.ts";
import { escalationTarget } from "../../src/routing/escalation_target.ts";
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import { facts, fixtureDocument, NOW } from "./fixtures.ts";

const typeIs = (type: string) => ({ fact: "type", operator: "equal", value: type });

function compiled(edit: (d: RulesetDocument) => RulesetDocument) {
  return compileRuleset(edit(fixtureDocument()), { version: 1, hash: "h" });
}

Deno.test("decide() names the matter type's assisting units, each with its own deadlines", async () => {
  const ruleset = compiled((d) => ({
    ...d,
    matter_types: d.matter_types.map((t) =>
      t.code === "MT-MZ-001" ? { ...t, assisting_units: ["GAFJ", "ST1", "MZJ", "GHOST"] } : t
    ),
  }));
  const decision = await decide(ruleset, facts({ type: "MT-MZ-001" }), NOW);
  assert.equal(decision.owner, "MZJ");
  // The owner itself does not also assist; an unknown unit is skipped with a reason.
  assert.deepEqual(decision.assisting?.map((a) => a.unit), ["GAFJ", "ST1"]);
  assert.match(decision.reason.en, /Assisting unit "GHOST" is not a unit of this ruleset/);
  assert.match(decision.reason.zh, /主办单位区民政局，协办单位公安分局、新旺街道/);
  // standard: PT2H / P2D; the contribution deadline is no later than the lead's resolution.
  const assist = decision.assisting![0].deadlines;
  assert.equal(assist.accept_by, "2026-03-02T04:05:00.000Z");
  assert.equal(assist.resolve_by, decision.deadlines.resolve_by);
  assert.equal(decision.deadlines.accept_warn_at, "2026-03-02T03:41:00.000Z"); // 80 % of 2 h
});

Deno.test("decide() lets rules add assisting units (assign params.assist, assist events) and remove them", async () => {
  const ruleset = compiled((d) => ({
    ...d,
    matter_types: d.matter_types.map((t) =>
      t.code === "MT-CG-001" ? { ...t, assisting_units: ["ST1"] } : t
    ),
    exception_rules: [
      {
        name: "vending-to-police",
        priority: 10,
        conditions: { all: [typeIs("MT-CG-001")] },
        event: { type: "assign", params: { owner: "GAFJ", assist: ["CGJ"] } },
      },
      {
        name: "fire-helps",
        conditions: { all: [{ fact: "text", operator: "containsText", value: "摆摊" }] },
        event: { type: "assist", params: { add: ["XFDD"], remove: ["ST1"] } },
      },
    ],
  }));
  const decision = await decide(ruleset, facts(), NOW);
  assert.equal(decision.owner, "GAFJ");
  assert.deepEqual(decision.assisting?.map((a) => a.unit), ["CGJ", "XFDD"]);
  assert.match(decision.reason.en, /adds XFDD|adds Fire brigade as assisting and removes/);
  // An excluded unit (it returned the case) does not assist either.
  const again = await decide(ruleset, facts(), NOW, { exclude: ["CGJ"] });
  assert.deepEqual(again.assisting?.map((a) => a.unit), ["XFDD"]);
});

Deno.test("decide() counts working-time limits in office hours and warns about uncovered years", async () => {
  const ruleset = compiled((d) => ({
    ...d,
    time_limit_classes: {
      ...d.time_limit_classes,
      standard: {
        ...d.time_limit_classes.standard,
        normal: { accept: "PT2H", resolve: "P2D", counting: { resolve: "working" } },
      },
    },
  }));
  // Wed 2026-09-30 10:00 Beijing: 2 working days = 15 office hours: 6 h on Wednesday, the
  // golden week off, 7.5 h on Thu Oct 8, 1.5 h on Fri Oct 9 → 10:00.
  const now = new Date("2026-09-30T02:00:00Z");
  const decision = await decide(ruleset, facts({ type: "MT-MZ-001" }), now);
  assert.equal(decision.deadlines.accept_by, "2026-09-30T04:00:00.000Z"); // calendar: 2 h
  assert.equal(decision.deadlines.resolve_by, "2026-10-09T02:00:00.000Z");
  assert.deepEqual(decision.deadlines.limits, {
    accept: "PT2H",
    resolve: "P2D",
    accept_counting: "calendar",
    resolve_counting: "working",
  });
  assert.deepEqual(decision.deadlines.uncovered_years, []);
  assert.match(decision.reason.zh, /2天（工作时间）内办结/);

  // At the end of 2026 the deadline falls in 2027, which neither the package nor the ruleset has.
  const late = await decide(
    ruleset,
    facts({ type: "MT-MZ-001" }),
    new Date("2026-12-31T02:00:00Z"),
  );
  assert.deepEqual(late.deadlines.uncovered_years, [2027]);
  assert.match(late.reason.en, /falls in 2027, a year with no holiday calendar/);
  const covered = compileRuleset(
    { ...ruleset.document, calendar: { holidays: ["2027-01-01"] } },
    { version: 2, hash: "h2" },
  );
  const fixed = await decide(
    covered,
    facts({ type: "MT-MZ-001" }),
    new Date("2026-12-31T02:00:00Z"),
  );
  assert.deepEqual(fixed.deadlines.uncovered_years, []);
  // Jan 1 off, then the weekend: Thu 6 h, Mon 7.5 h, Tue 1.5 h → Tue 2027-01-05 10:00.
  assert.equal(fixed.deadlines.resolve_by, "2027-01-05T02:00:00.000Z");
});

Deno.test("decide() starts urgent cases a level up when the ruleset says so (提级响应)", async () => {
  const ruleset = compiled((d) => ({ ...d, lifecycle: { urgent_raise_levels: 1 } }));
  const normal = await decide(ruleset, facts({ type: "MT-MZ-001" }), NOW);
  const urgent = await decide(ruleset, facts({ type: "MT-MZ-001", urgency: "urgent" }), NOW);
  assert.equal(normal.owner, "MZJ");
  assert.equal(urgent.owner, "DIST");
  assert.match(urgent.reason.en, /The ruleset setting "urgent cases start 1 level up"/);
});

Deno.test("escalationTarget() prefers the matter type's supervisor (督办) once, then the chain", () => {
  const ruleset = compiled((d) => ({
    ...d,
    matter_types: d.matter_types.map((t) =>
      t.code === "MT-MZ-001" ? { ...t, supervisor: "CENTER" } : t
    ),
  }));
  assert.equal(escalationTarget(ruleset, "MT-MZ-001", "MZJ", "lead", ["MZJ"])?.unit, "CENTER");
  assert.equal(escalationTarget(ruleset, "MT-MZ-001", "MZJ", "lead", ["MZJ"])?.via, "supervisor");
  // The supervisor's own lateness goes up its chain.
  assert.equal(
    escalationTarget(ruleset, "MT-MZ-001", "CENTER", "lead", ["MZJ", "CENTER"])?.unit,
    "DIST",
  );
  // Assisting units go to their parent; the top has nowhere to go.
  assert.equal(escalationTarget(ruleset, "MT-MZ-001", "ST1", "assist", [])?.unit, "DIST");
  assert.equal(escalationTarget(ruleset, "MT-CG-001", "CITY", "lead", []), null);
});
