import assert from "node:assert/strict";
import { maskDecision } from "../../src/audit/mask_decision.ts";
import { maskPersonalData } from "../../src/audit/mask_personal_data.ts";
import {
  maskAddress,
  maskEmail,
  maskFreeText,
  maskIdCard,
  maskName,
  maskOpaque,
  maskPhone,
} from "../../src/audit/mask_values.ts";
import { revealsPersonalData } from "../../src/audit/reveals_personal_data.ts";
import { diffRulesets } from "../../src/rulesets/diff_rulesets.ts";

Deno.test("each kind of personal data is masked the documented way", () => {
  assert.equal(maskName("张三"), "张*");
  assert.equal(maskName("欧阳娜娜"), "欧***");
  assert.equal(maskName("李"), "*");
  assert.equal(maskName(""), "");
  assert.equal(maskPhone("13812345678"), "138****5678");
  assert.equal(maskPhone("+86 138-1234-5678"), "138****5678");
  assert.equal(maskPhone("0352-5123456"), "035****3456");
  assert.equal(maskPhone("12345"), "****");
  assert.equal(maskEmail("zhangsan@example.com"), "z***@example.com");
  assert.equal(maskEmail("no-at-sign"), "****sign");
  assert.equal(maskIdCard("11010119900307123X"), "110***********123X");
  assert.equal(maskIdCard("E1234"), "****");
  assert.equal(maskAddress("平旺东社区3号楼2单元301室"), "平旺东社区3****");
  assert.equal(maskAddress("3号楼"), "3****");
  assert.equal(maskOpaque("wx-o6_bmjrPTlm6_2sgVt7hMZOPfL2M"), "****fL2M");
  assert.equal(maskOpaque("short"), "****");
});

Deno.test("free text keeps its words and loses the phone numbers, ID numbers and e-mails in it", () => {
  assert.equal(
    maskFreeText("楼道漏水，请联系13812345678或0352-5123456，邮箱 li@example.cn"),
    "楼道漏水，请联系138****5678或035****3456，邮箱 l***@example.cn",
  );
  assert.equal(maskFreeText("身份证110101199003071234已登记"), "身份证110***********1234已登记");
  assert.equal(maskFreeText("+8613812345678"), "138****5678");
  // Digits that are not phone numbers stay: dates, codes, counts, hashes, uuids.
  for (
    const text of [
      "2026-11-23T09:30:00+08:00",
      "MT-MZJ-005",
      "室温不足16度，已持续12天",
      "a13812345678b",
      "138123456789",
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "6f1c2b7e-3a4d-4e5f-8a9b-013812345678",
    ]
  ) {
    assert.equal(maskFreeText(text), text);
  }
});

Deno.test("maskPersonalData masks personal keys at any depth, people wholesale, free text in place", () => {
  const facts = {
    type: "MT-MZJ-005",
    area_code: "YG-S01-C01",
    text: "独居老人无人照看，联系人电话13812345678",
    name: "王五",
    phoneNumber: "13900001111",
    "Contact-Email": "wang@example.com",
    id_card: "110101199003071234",
    address: "平旺东社区3号楼",
    address_id: "ADDR-778",
    联系电话: "13712345678",
    reporter: {
      name: "张三",
      phone: "13812345678",
      email: "zhangsan@example.com",
      device_id: "device-8f3a9c21",
      note: "夜间可联系",
    },
    contact: "李四",
    extra: { mobile: "13612345678", name: "not a person here", tags: ["13512345678", 7] },
  };
  const masked = maskPersonalData(facts);
  assert.deepEqual(masked, {
    type: "MT-MZJ-005",
    area_code: "YG-S01-C01",
    text: "独居老人无人照看，联系人电话138****5678",
    name: "王*",
    phoneNumber: "139****1111",
    "Contact-Email": "w***@example.com",
    id_card: "110***********1234",
    address: "平旺东社****",
    address_id: "ADDR-778",
    联系电话: "137****5678",
    reporter: {
      name: "张*",
      phone: "138****5678",
      email: "z***@example.com",
      device_id: "****9c21",
      note: "****",
    },
    contact: "李*",
    extra: { mobile: "136****5678", name: "not a person here", tags: ["135****5678", 7] },
  });
  // Pure: the input is unchanged.
  assert.equal(facts.reporter.name, "张三");
});

Deno.test("a publish entry's diff keeps its rule and unit names", () => {
  const before = {
    name: "demo",
    fallback_unit: "YG",
    time_limit_classes: {},
    units: [],
    exception_rules: [],
    matter_types: [{
      code: "MT-1",
      category: "dispute",
      name_zh: "纠纷",
      name_en: "Dispute",
      owner: "YG-ZFW",
      time_limit_class: "standard",
    }],
  };
  const after = {
    ...before,
    name: "demo 2",
    matter_types: [{ ...before.matter_types[0], owner: "YG-SFJ" }],
  };
  const outcome = { version: 2, previous_version: 1, diff: diffRulesets(before, after) };
  assert.deepEqual(maskPersonalData(outcome), JSON.parse(JSON.stringify(outcome)));
});

Deno.test("maskDecision masks facts and outcome only; only admin reveals personal data", () => {
  const entry = {
    seq: 1,
    case_id: null,
    kind: "override",
    ruleset_version: 1,
    ruleset_hash: "ab",
    matched_rules: [{ name: "rule-张三", priority: 1, event: { type: "assign" } }],
    facts: { reporter: { name: "张三" } },
    outcome: { owner: "YG-MZJ", contact_phone: "13812345678" },
    reason: { zh: "改派", en: "reassigned" },
    actor: "user:13812345678",
    request_id: null,
    created_at: new Date(0),
    prev_hash: "0",
    hash: "1",
  } as const;
  const masked = maskDecision(structuredClone(entry) as never);
  assert.deepEqual(masked.facts, { reporter: { name: "张*" } });
  assert.deepEqual(masked.outcome, { owner: "YG-MZJ", contact_phone: "138****5678" });
  assert.deepEqual(masked.matched_rules, entry.matched_rules);
  assert.equal(masked.actor, entry.actor);
  assert.deepEqual(
    (["intake", "unit", "policy_editor", "auditor", "admin"] as const).map(revealsPersonalData),
    [false, false, false, false, true],
  );
});
