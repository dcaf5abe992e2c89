/**
 * Open311 test helpers: a Whistle whose demo ruleset gives one matter type attributes, and
 * requests through `app.request()`.
 *
 * @module
 */

import type { MatterTypeAttribute } from "../../../src/routing/ruleset.ts";
import { RULESET_FILES } from "../../../src/rulesets/finding.ts";
import { itemBy, rulesCopy } from "../../rulesets/ruleset_fixture.ts";
import { BACKEND } from "../../support/test_database.ts";
import { startTestWhistle, type TestWhistle } from "../../support/test_whistle.ts";
import type { Logger } from "../../../src/observability/logger.ts";

/** 10:00 Beijing time, Monday 2026-11-23. */
export const NOW = new Date("2026-11-23T02:00:00Z");

/** The matter type that gets {@link ATTRIBUTES} (独居老人 care, owned by 民政局). */
export const WITH_ATTRIBUTES = "MT-MZJ-005";

/** Its attributes: one of each interesting datatype, listed out of order. */
export const ATTRIBUTES: MatterTypeAttribute[] = [
  {
    variable: true,
    code: "age",
    datatype: "number",
    required: true,
    datatype_description: "周岁，如 78",
    order: 2,
    description: "老人年龄",
  },
  {
    variable: true,
    code: "needs",
    datatype: "multivaluelist",
    required: false,
    datatype_description: "可多选",
    order: 3,
    description: "需要的帮助",
    values: [
      { key: "meal", name: "送餐" },
      { key: "medical", name: "就医" },
      { key: "visit", name: "探访 & <陪伴>" },
    ],
  },
  {
    variable: true,
    code: "living",
    datatype: "singlevaluelist",
    required: true,
    datatype_description: "",
    order: 1,
    description: "居住情况",
    values: [{ key: "alone", name: "独居" }, { key: "with_spouse", name: "与配偶同住" }],
  },
  {
    variable: true,
    code: "last_seen",
    datatype: "datetime",
    required: false,
    datatype_description: "最后一次见到老人的时间",
    order: 4,
    description: "最后见到时间",
  },
  {
    variable: false,
    code: "privacy",
    datatype: "text",
    required: false,
    datatype_description: "",
    order: 5,
    description: "我们只把这些信息交给承办单位。",
  },
];

let rulesDir: Promise<string> | undefined;

/** The demo rules with {@link ATTRIBUTES} on {@link WITH_ATTRIBUTES} (made once). */
export function rulesWithAttributes(): Promise<string> {
  rulesDir ??= rulesCopy(RULESET_FILES.matter_types, (json) => {
    itemBy(json, "code", WITH_ATTRIBUTES).attributes = ATTRIBUTES;
    return json;
  });
  return rulesDir;
}

/** Runs `fn` against a fresh Whistle (demo rules with attributes, clock at {@link NOW}). */
export function open311Test(
  name: string,
  fn: (w: TestWhistle) => Promise<void>,
  options: { logger?: Logger; env?: Record<string, string> } = {},
): void {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const w = await startTestWhistle({
      clock: () => NOW,
      env: { WHISTLE_RULES_DIR: await rulesWithAttributes(), ...options.env },
      logger: options.logger,
    });
    try {
      await fn(w);
    } finally {
      await w.close();
    }
  });
}

/** `POST /open311/v2/requests.{format}` with a form-encoded body. */
export function postForm(
  w: TestWhistle,
  fields: Record<string, string | string[]>,
  options: { format?: "json" | "xml"; headers?: Record<string, string> } = {},
): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return Promise.resolve(w.app.request(`/open311/v2/requests.${options.format ?? "json"}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers },
    body: body.toString(),
  }));
}

/** `GET /open311/v2/{path}` without any token, as a public Open311 client reads. */
export function get(
  w: TestWhistle,
  path: string,
  headers?: Record<string, string>,
): Promise<Response> {
  return Promise.resolve(w.app.request(`/open311/v2/${path}`, { headers }));
}

/** A valid request for {@link WITH_ATTRIBUTES}, form fields, with `api_key`. */
export function validFields(w: TestWhistle): Record<string, string | string[]> {
  return {
    api_key: w.token,
    jurisdiction_id: "yungang.datong.gov.cn",
    service_code: WITH_ATTRIBUTES,
    lat: "40.0903",
    long: "113.1448",
    address_string: "云冈区新平旺街道平旺东社区3号楼",
    description: "平旺东社区3号楼独居老人近日无人照看。\n邻居反映已有两天没见到老人。",
    media_url: "https://img.example.cn/cases/1.jpg",
    email: "citizen@example.cn",
    phone: "13800000000",
    first_name: "小明",
    last_name: "王",
    device_id: "device-42",
    account_id: "acct-7",
    "attribute[age]": "81",
    "attribute[living]": "alone",
    "attribute[needs][]": ["meal", "visit"],
    "attribute[last_seen]": "2026-11-21T18:00:00+08:00",
  };
}
