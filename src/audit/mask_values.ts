/**
 * How each kind of personal data is masked for readers who may not see it (see
 * `maskPersonalData`). Each keeps just enough to tell two people apart in a list, never enough
 * to reach them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import {
 *   maskAddress, maskEmail, maskFreeText, maskIdCard, maskName, maskOpaque, maskPhone,
 * } from "./mask_values.ts";
 * assert.equal(maskName("张三"), "张*");
 * assert.equal(maskPhone("13812345678"), "138****5678");
 * assert.equal(maskEmail("zhangsan@example.com"), "z***@example.com");
 * assert.equal(maskIdCard("110101199003071234"), "110***********1234");
 * assert.equal(maskAddress("平旺东社区3号楼"), "平旺东社****");
 * assert.equal(maskOpaque("device-8f3a9c21"), "****9c21");
 * assert.equal(maskFreeText("请回电13812345678"), "请回电138****5678");
 * ```
 *
 * @module
 */

/** A name: its first character, then one `*` per other character (`张三` → `张*`). */
export function maskName(value: string): string {
  const chars = [...value];
  if (chars.length <= 1) return chars.length === 0 ? value : "*";
  return chars[0] + "*".repeat(chars.length - 1);
}

/**
 * A phone number: the first 3 and last 4 digits (`13812345678` → `138****5678`; a leading +86
 * is dropped); fewer than 7 digits → `****`.
 */
export function maskPhone(value: string): string {
  let digits = value.replace(/\D/g, "");
  if (digits.length === 13 && digits.startsWith("86")) digits = digits.slice(2);
  if (digits.length < 7) return "****";
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** An e-mail address: the first character of the local part and the domain. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf("@");
  if (at < 1) return maskOpaque(value);
  return `${[...value.slice(0, at)][0]}***${value.slice(at)}`;
}

/** An ID card (身份证) or passport number: the first 3 and last 4 characters. */
export function maskIdCard(value: string): string {
  const chars = [...value];
  if (chars.length < 8) return "****";
  return chars.slice(0, 3).join("") + "*".repeat(chars.length - 7) + chars.slice(-4).join("");
}

/** An address: at most its first 6 characters and never more than half, then `****`. */
export function maskAddress(value: string): string {
  const chars = [...value];
  return chars.slice(0, Math.min(6, Math.floor(chars.length / 2))).join("") + "****";
}

/** An identifier (device, account, licence plate): `****` and, when long, its last 4. */
export function maskOpaque(value: string): string {
  const chars = [...value];
  return chars.length > 8 ? `****${chars.slice(-4).join("")}` : "****";
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** 18-character resident ID numbers (17 digits and a digit or X). */
const ID_CARD = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/** Mainland mobile numbers, optionally with +86. */
const MOBILE = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])/g;
/** Landlines written with an area code and a hyphen (`0352-5123456`). */
const LANDLINE = /(?<![0-9A-Za-z])0\d{2,3}-\d{7,8}(?![0-9A-Za-z])/g;

/**
 * Free text (a case's title and description) with the personal data it may quote masked in
 * place: e-mail addresses, ID card numbers, mobile and landline numbers.
 */
export function maskFreeText(value: string): string {
  if (!/\d|@/.test(value)) return value;
  return value
    .replace(EMAIL, maskEmail)
    .replace(ID_CARD, maskIdCard)
    .replace(MOBILE, maskPhone)
    .replace(LANDLINE, maskPhone);
}
