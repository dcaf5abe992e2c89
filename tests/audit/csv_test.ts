import assert from "node:assert/strict";
import fc from "fast-check";
import { csvField } from "../../src/audit/csv_field.ts";
import { DECISION_CSV_COLUMNS, decisionCsvRow } from "../../src/audit/decision_csv.ts";
import { logEntry } from "./audit_fixture.ts";
import { parseCsv } from "./parse_csv.ts";

Deno.test("csvField quotes exactly what RFC 4180 needs quoted", () => {
  assert.equal(csvField("plain"), "plain");
  assert.equal(csvField("独居老人"), "独居老人");
  assert.equal(csvField("a,b"), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField("line1\nline2"), '"line1\nline2"');
  assert.equal(csvField("cr\r"), '"cr\r"');
  assert.equal(csvField(" padded "), '" padded "');
  assert.equal(csvField(null), "");
  assert.equal(csvField(0), "0");
  assert.equal(csvField(""), "");
});

Deno.test("any text survives a CSV round trip", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 5 }), {
        minLength: 1,
        maxLength: 5,
      }),
      (rows) => {
        // A record of one empty field is an empty line, which RFC 4180 readers skip.
        fc.pre(rows.every((r) => r.length > 1 || r[0] !== ""));
        const text = rows.map((r) => r.map(csvField).join(",") + "\r\n").join("");
        assert.deepEqual(parseCsv(text), rows);
      },
    ),
    { numRuns: 2000 },
  );
});

Deno.test("a decision row has every column, with facts and outcome as JSON text", () => {
  const entry = {
    ...logEntry({
      facts: { type: "MT-1", text: '楼道"漏水",\r\n急' },
      matched_rules: [
        { name: "gas-leak-to-fire-brigade", priority: 100, event: { type: "assign" } },
        { name: "urgent, raised", priority: 1, event: { type: "raise_level" } },
      ],
    }),
    seq: 9,
    prev_hash: "a".repeat(64),
    hash: "b".repeat(64),
  };
  const [row] = parseCsv(decisionCsvRow(entry));
  assert.equal(row.length, DECISION_CSV_COLUMNS.length);
  const byColumn = Object.fromEntries(DECISION_CSV_COLUMNS.map((c, i) => [c, row[i]]));
  assert.equal(byColumn.seq, "9");
  assert.equal(byColumn.created_at, entry.created_at.toISOString());
  assert.equal(byColumn.owner, "YG-MZJ");
  assert.equal(byColumn.matched_rules, "gas-leak-to-fire-brigade; urgent, raised");
  assert.deepEqual(JSON.parse(byColumn.facts), entry.facts);
  assert.deepEqual(JSON.parse(byColumn.outcome), entry.outcome);
  assert.equal(byColumn.reason_zh, entry.reason.zh);
  assert.equal(byColumn.hash, "b".repeat(64));
});
