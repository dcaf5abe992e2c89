import assert from "node:assert/strict";
import type { Kysely, KyselyPlugin } from "kysely";
import { DECISION_CSV_COLUMNS } from "../../src/audit/decision_csv.ts";
import { exportDecisions } from "../../src/audit/export_decisions.ts";
import type { Database } from "../../src/db/database.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";
import { appendEntries, logEntry } from "./audit_fixture.ts";
import { parseCsv } from "./parse_csv.ts";

function test(name: string, fn: (db: Kysely<Database>) => Promise<void>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const database = await openTestDatabase();
    try {
      await fn(database.db);
    } finally {
      await database.close();
    }
  });
}

const withPhone = (n: number) =>
  logEntry({
    facts: { type: "MT-MZJ-005", text: `漏水 ${n}, 请回电 "13812345678"\r\n谢谢`, n },
    outcome: {
      owner: n % 2 ? "YG-MZJ" : "YG-SFJ",
      contact: { name: "张三", phone: "13812345678" },
    },
  });

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return await new Response(stream).text();
}

test("CSV: header, one RFC 4180 row per entry, masked unless asked not to", async (db) => {
  await appendEntries(db, Array.from({ length: 23 }, (_, i) => withPhone(i)));
  const csv = await text(await exportDecisions(db, {}, { format: "csv", mask: true, pageSize: 5 }));
  assert.ok(!csv.startsWith("\uFEFF"));
  const [header, ...rows] = parseCsv(csv);
  assert.deepEqual(header, DECISION_CSV_COLUMNS);
  assert.equal(rows.length, 23);
  assert.deepEqual(rows.map((r) => Number(r[0])), Array.from({ length: 23 }, (_, i) => i + 1));
  const facts = JSON.parse(rows[4][DECISION_CSV_COLUMNS.indexOf("facts")]);
  assert.equal(facts.text, '漏水 4, 请回电 "138****5678"\r\n谢谢');
  const outcome = JSON.parse(rows[4][DECISION_CSV_COLUMNS.indexOf("outcome")]);
  assert.deepEqual(outcome.contact, { name: "张*", phone: "138****5678" });
  assert.ok(!csv.includes("13812345678"));

  const bytes = await new Response(
    await exportDecisions(db, { unit: "YG-SFJ" }, {
      format: "csv",
      mask: false,
      bom: true,
    }),
  ).bytes();
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]); // the UTF-8 byte order mark
  const raw = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  assert.ok(raw.startsWith("\uFEFFseq,created_at,"));
  const [, ...sfj] = parseCsv(raw.slice(1));
  assert.equal(sfj.length, 12);
  assert.ok(sfj.every((r) => r[DECISION_CSV_COLUMNS.indexOf("owner")] === "YG-SFJ"));
  assert.ok(raw.includes("13812345678"));
});

test("JSONL: one entry per line, resumable after a seq", async (db) => {
  const logged = await appendEntries(db, Array.from({ length: 7 }, (_, i) => withPhone(i)));
  const jsonl = await text(await exportDecisions(db, {}, { format: "jsonl", mask: true }));
  assert.ok(jsonl.endsWith("}\n"));
  const lines = jsonl.trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, 7);
  assert.equal(lines[2].seq, 3);
  assert.equal(lines[2].hash, logged[2].hash);
  assert.equal(lines[2].created_at, logged[2].created_at.toISOString());
  assert.equal(lines[2].outcome.contact.name, "张*");
  const rest = await text(
    await exportDecisions(db, {}, {
      format: "jsonl",
      mask: false,
      afterSeq: 5,
    }),
  );
  assert.deepEqual(rest.trimEnd().split("\n").map((l) => JSON.parse(l).seq), [6, 7]);
  assert.equal(JSON.parse(rest.split("\n")[0]).outcome.contact.name, "张三");
  assert.equal(
    await text(await exportDecisions(db, { kind: "publish" }, { format: "jsonl", mask: true })),
    "",
  );
});

test("an export reads only as fast as it is consumed, and ends at the head it started from", async (db) => {
  await appendEntries(db, Array.from({ length: 60 }, (_, i) => logEntry({ facts: { n: i } })));
  let queries = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      queries += 1;
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  const stream = await exportDecisions(db.withPlugin(counting), {}, {
    format: "jsonl",
    mask: true,
    pageSize: 5,
  });
  const reader = stream.getReader();
  const first = await reader.read();
  assert.ok(first.value && first.value.length > 0);
  await new Promise((resolve) => setTimeout(resolve, 50));
  // The head, then at most a few pages of 5 ahead of the reader: never the whole log.
  assert.ok(queries <= 5, `${queries} queries after one chunk`);
  await reader.cancel();

  // Entries appended while an export runs are not in it.
  const stream2 = await exportDecisions(db, {}, { format: "jsonl", mask: true, pageSize: 7 });
  await appendEntries(db, [logEntry(), logEntry()]);
  const lines = (await text(stream2)).trimEnd().split("\n");
  assert.equal(lines.length, 60);
  assert.equal(JSON.parse(lines.at(-1)!).seq, 60);
});
