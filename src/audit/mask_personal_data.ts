import {
  maskAddress,
  maskEmail,
  maskFreeText,
  maskIdCard,
  maskName,
  maskOpaque,
  maskPhone,
} from "./mask_values.ts";

type Masker = (value: string) => string;

/** Keys whose value is a person's name; bare `name` only where it can only mean a person. */
const NAME_KEYS = new Set([
  "first_name",
  "last_name",
  "full_name",
  "given_name",
  "family_name",
  "surname",
  "real_name",
  "reporter_name",
  "contact_name",
  "citizen_name",
  "姓名",
  "名字",
]);

/** Objects that describe a person: every value inside is personal data. */
const PERSON_KEYS = new Set([
  "reporter",
  "contact",
  "citizen",
  "complainant",
  "caller",
  "person",
  "requester",
  "submitter",
  "联系人",
  "投诉人",
  "反映人",
  "报告人",
]);

const OPAQUE_KEYS = new Set([
  "device_id",
  "account_id",
  "open_id",
  "openid",
  "union_id",
  "unionid",
  "wechat_id",
  "wechat",
  "weixin",
  "qq",
  "ip",
  "ip_address",
  "license_plate",
  "plate_number",
  "bank_card",
  "bank_account",
  "车牌",
  "车牌号",
]);

/** `phoneNumber`, `Phone-Number` → `phone_number`. */
function normalize(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[-\s]+/g, "_").toLowerCase();
}

/** How a key's value is masked, or `null` when the key is not personal data. */
function maskerFor(key: string, bareNameIsPersonal: boolean): Masker | null {
  const k = normalize(key);
  if ((k === "name" && bareNameIsPersonal) || NAME_KEYS.has(k)) return maskName;
  if (/(^|_)(e_?mail|email_address)$|邮箱$/.test(k)) return maskEmail;
  if (
    /(^|_)(phone|mobile|tel|telephone|cellphone|phone_number|mobile_number)$|(电话|手机号?)$/.test(
      k,
    )
  ) {
    return maskPhone;
  }
  if (
    /(^|_)(id_?card(_no|_number)?|id_(no|number)|identity_(card|number)|passport(_no)?)$|身份证号?$/
      .test(k)
  ) {
    return maskIdCard;
  }
  if (/(^|_)address$|(地址|住址)$/.test(k)) return maskAddress;
  if (OPAQUE_KEYS.has(k)) return maskOpaque;
  return null;
}

/** Masks every leaf of a value known to be personal data. */
function maskAll(value: unknown, masker: Masker): unknown {
  if (typeof value === "string") return masker(value);
  if (typeof value === "number" || typeof value === "bigint") return masker(String(value));
  if (Array.isArray(value)) return value.map((v) => maskAll(v, masker));
  if (value !== null && typeof value === "object") return maskPerson(value);
  return value;
}

/** An object describing a person: each field by its own kind, anything unknown as opaque. */
function maskPerson(value: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = maskAll(v, maskerFor(key, true) ?? maskOpaque);
  }
  return out;
}

function maskNested(value: unknown, topLevel: boolean): unknown {
  if (typeof value === "string") return maskFreeText(value);
  if (Array.isArray(value)) return value.map((v) => maskNested(v, false));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (PERSON_KEYS.has(normalize(key))) {
      out[key] = v !== null && typeof v === "object" && !Array.isArray(v)
        ? maskPerson(v)
        : maskAll(v, maskName);
      continue;
    }
    const masker = maskerFor(key, topLevel);
    out[key] = masker ? maskAll(v, masker) : maskNested(v, false);
  }
  return out;
}

/**
 * A copy of a decision's `facts` or `outcome` with personal data masked, for readers whose role
 * may not see it. Pure; the input is not changed.
 *
 * - By key, at any depth (`phoneNumber`, `contact-phone` and `联系电话` are normalized first):
 *   names (`first_name`, `real_name`, `姓名`…; a bare `name` only at the top level, where it can
 *   only be a person's — nested `name`s are rule or unit names), phones (`138****5678`),
 *   e-mails (`z***@example.com`), ID card and passport numbers (`110***********1234`),
 *   addresses (at most the first 6 characters, then `****`), device, account, WeChat and QQ
 *   ids, licence plates (`****` and the last 4 when long).
 * - Objects under `reporter`, `contact`, `citizen`, `complainant`, `caller`, `person`… are
 *   people: every field inside is masked, by its kind or as an opaque id.
 * - Every other string is free text: e-mail addresses, 18-digit ID numbers, mobile numbers and
 *   hyphenated landlines quoted in it are masked in place (a case's `text` often holds a phone
 *   number).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { maskPersonalData } from "./mask_personal_data.ts";
 * assert.deepEqual(
 *   maskPersonalData({
 *     type: "MT-MZJ-005",
 *     text: "独居老人无人照看，联系13812345678",
 *     reporter: { name: "张三", phone: "13812345678" },
 *   }),
 *   {
 *     type: "MT-MZJ-005",
 *     text: "独居老人无人照看，联系138****5678",
 *     reporter: { name: "张*", phone: "138****5678" },
 *   },
 * );
 * ```
 */
export function maskPersonalData(record: Record<string, unknown>): Record<string, unknown> {
  return maskNested(record, true) as Record<string, unknown>;
}
