import assert from "node:assert/strict";
import { loadRulesetDir } from "../../src/rulesets/load_ruleset_dir.ts";
import { parseRulesetDocument } from "../../src/rulesets/parse_ruleset_document.ts";
import { validateRuleset } from "../../src/rulesets/validate_ruleset.ts";
import { DEMO_RULES_DIR } from "../support/test_whistle.ts";
import { lifecycleDocument } from "../support/lifecycle_fixture.ts";

const where = (
  f: { severity: string; file: string; item: string; field: string },
) => [f.severity, f.file, f.item, f.field];

Deno.test("validateRuleset() accepts the lifecycle fields of the test ruleset", async () => {
  const findings = validateRuleset(await lifecycleDocument());
  assert.deepEqual(findings.filter((f) => f.severity === "error"), []);
});

Deno.test("validateRuleset() names bad calendars, lifecycle settings, webhooks and assisting units", async () => {
  const { document } = await loadRulesetDir(DEMO_RULES_DIR);
  const findings = validateRuleset({
    ...document,
    calendar: {
      office_hours: ["08:30-12:00", "11:00-17:30"],
      holidays: ["2027-01-01", "2027-02-30", "2027-01-01"],
      workdays: ["2027-01-01", "2027-01-04"],
    },
    lifecycle: { max_suspension: "30 days" },
    time_limit_classes: {
      ...document.time_limit_classes,
      monthly: {
        name_zh: "月度",
        name_en: "Monthly",
        normal: { accept: "PT2H", resolve: "P1M", counting: "working", contribute: "P2M" },
      },
    },
    units: document.units.map((u) =>
      u.code === "YG-MZJ" ? { ...u, webhook_url: "ftp://mzj.example" } : u
    ),
    matter_types: document.matter_types.map((t, i) =>
      i === 0 ? { ...t, assisting_units: ["YG-MZJJ"], supervisor: "NOPE" } : t
    ),
    exception_rules: [...document.exception_rules, {
      name: "helpers",
      conditions: { all: [{ fact: "urgency", operator: "equal", value: "urgent" }] },
      event: { type: "assist", params: { add: ["YG-GHOST"] } },
    }],
  });
  const first = document.matter_types[0].code;
  const expected = [
    ["error", "ruleset.json", "calendar", "office_hours[1]"],
    ["error", "ruleset.json", "calendar", "holidays[1]"],
    ["warning", "ruleset.json", "calendar", "holidays[2]"],
    ["error", "ruleset.json", "calendar", "workdays[0]"],
    ["warning", "ruleset.json", "calendar", "workdays[1]"],
    ["error", "ruleset.json", "lifecycle", "max_suspension"],
    ["warning", "ruleset.json", "time_limit_classes.monthly", "normal.contribute"],
    ["error", "ruleset.json", "time_limit_classes.monthly", "normal.resolve"],
    ["error", "units.json", "YG-MZJ", "webhook_url"],
    ["error", "matter_types.json", first, "assisting_units[0]"],
    ["error", "matter_types.json", first, "supervisor"],
    ["error", "exception_rules.json", "helpers", "event.params.add[0]"],
  ];
  const got = findings.map(where);
  for (const e of expected) {
    assert.ok(
      got.some((g) => JSON.stringify(g) === JSON.stringify(e)),
      `missing ${e}: ${JSON.stringify(got)}`,
    );
  }
  const missing = findings.find((f) => f.field === "assisting_units[0]")!;
  assert.match(missing.message.en, /did you mean "YG-MZJ"\?/);
});

Deno.test("the ruleset schema refuses unknown lifecycle keys and bad shapes, naming the field", () => {
  const parsed = parseRulesetDocument({
    name: "x",
    fallback_unit: "A",
    time_limit_classes: {},
    units: [{ code: "A", name_zh: "甲", name_en: "A", tier: "city", parent: null }],
    matter_types: [],
    exception_rules: [],
    lifecycle: { warn_at: 1.5, max_retruns: 2 },
    calendar: { holidays: "2027-01-01" },
  });
  assert.ok(!parsed.ok);
  const fields = parsed.findings.map((f) => `${f.item}|${f.field}`);
  assert.ok(fields.some((f) => f.includes("warn_at")), fields.join(" "));
  assert.ok(fields.some((f) => f.includes("holidays")), fields.join(" "));
});
