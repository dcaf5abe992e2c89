import assert from "node:assert/strict";
import fc from "fast-check";
import { canonicalJson } from "../../src/lib/canonical_json.ts";

/** The definition the decision-log hashes were first made with: the output must stay this. */
function reference(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? "null" : reference(v))).join(",")}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(",")}}`;
}

const outcome = (f: (value: unknown) => string, value: unknown) => {
  try {
    return f(value);
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
};

Deno.test("canonicalJson() writes what the reference definition writes, for any value", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => canonicalJson(value) === reference(value)),
    { numRuns: 5000 },
  );
  fc.assert(
    fc.property(
      fc.anything({ withDate: true, withSparseArray: true, withNullPrototype: true }),
      (value) => outcome(canonicalJson, value) === outcome(reference, value),
    ),
    { numRuns: 5000 },
  );
});

Deno.test("canonicalJson() sorts keys by code unit, integer-like keys too", () => {
  assert.equal(
    canonicalJson({ "10": 1, "9": 2, "": 3, b: [undefined, 1], a: undefined }),
    '{"":3,"10":1,"9":2,"b":[null,1]}',
  );
  assert.equal(canonicalJson({ 中: 1, z: 2, Z: 3 }), '{"Z":3,"z":2,"中":1}');
});
