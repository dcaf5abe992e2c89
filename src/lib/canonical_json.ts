/**
 * Canonical JSON: object keys sorted, no whitespace, so equal values give equal text and equal
 * hashes (ruleset content hashes, the decision-log chain). Keys sort by UTF-16 code units;
 * `undefined` properties are left out and `undefined` array items written as `null`, as
 * `JSON.stringify` does; dates are written as their ISO 8601 text.
 *
 * Every logged decision is hashed through it, so its output must never change: the test pins it
 * to a plain reference definition over generated values.
 *
 * @example
 * ```ts
 * import { canonicalJson } from "./canonical_json.ts";
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    return JSON.stringify(value) ?? "null";
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  // Plain loops and string appends: this runs for every decision logged, on the intake path.
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      // A hole (never in parsed JSON) is written as nothing, as the first version did.
      const text = item === undefined ? (i in value ? "null" : "") : canonicalJson(item);
      out += i === 0 ? text : `,${text}`;
    }
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  let out = "";
  for (const key of Object.keys(object).sort()) {
    const item = object[key];
    if (item === undefined) continue;
    out += `${out === "" ? "" : ","}${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `{${out}}`;
}
