import assert from "node:assert/strict";
import fc from "fast-check";
import { locateJsonSyntaxError } from "../../src/rulesets/locate_json_syntax_error.ts";

Deno.test("locateJsonSyntaxError() names line, column and cause of common hand-editing mistakes", () => {
  const cases: [string, number, number, RegExp][] = [
    ['[\n  "a",\n  "b",\n]', 3, 6, /trailing comma before "\]"/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected "," or "}", found '"' \(a missing comma\?\)/],
    ["{'a': 1}", 1, 2, /field name in double quotes/],
    ["[1, // note\n 2]", 1, 5, /no comments/],
    ['{"a": tru}', 1, 7, /expected a value, found "tru"/],
    ['{"a": "x\n"}', 1, 9, /line break/],
    ["[1, 2", 1, 6, /found the end of the file/],
    ["", 1, 1, /unexpected end of file/],
    ['{"a": 1} x', 1, 10, /after the end of the JSON value/],
  ];
  for (const [text, line, column, cause] of cases) {
    assert.throws(() => JSON.parse(text));
    const located = locateJsonSyntaxError(text);
    assert.ok(located, text);
    assert.deepEqual([located.line, located.column], [line, column], text);
    assert.match(located.message.en, cause, text);
    assert.ok(located.message.zh.length > 0);
  }
});

Deno.test("locateJsonSyntaxError() agrees with JSON.parse on what is JSON", () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 2 }), (value, indent) => {
      assert.equal(locateJsonSyntaxError(JSON.stringify(value, null, indent)), null);
    }),
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 12 }), (text) => {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      assert.equal(locateJsonSyntaxError(text) === null, valid, JSON.stringify(text));
    }),
    { numRuns: 2000 },
  );
});
