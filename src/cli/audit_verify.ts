/**
 * `deno task audit:verify [--after-seq N] [--max-rows N] [--every N]`: walks the decision log's
 * hash chain and reports the first broken link. Progress goes to stderr every N entries (default
 * 100,000) when stderr is a terminal; the last line on stdout says whether the chain is intact
 * (exit 0) or where it is broken and how (exit 1, naming the seq). Reads only; on the embedded
 * database it needs the data folder, so stop the service first.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { verifyChain } from "../audit/verify_chain.ts";
import { openDatabase } from "../db/open_database.ts";
import { readConfig } from "../runtime/config.ts";
import { runCli } from "./run_cli.ts";

const count = (n: number) => n.toLocaleString("en");

function positiveInt(name: string, text: string | undefined, fallback?: number) {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name}: expected a whole number, got "${text}"`);
    Deno.exit(2);
  }
  return n;
}

await runCli(async () => {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      "after-seq": { type: "string" },
      "max-rows": { type: "string" },
      every: { type: "string" },
    },
  });
  const afterSeq = positiveInt("after-seq", values["after-seq"]);
  const maxRows = positiveInt("max-rows", values["max-rows"]);
  const every = positiveInt("every", values.every, 100_000)!;
  const config = readConfig(Deno.env.toObject());
  const database = await openDatabase(config.database);
  let broken = false;
  try {
    const progress = Deno.stderr.isTerminal() && every > 0;
    const result = await verifyChain(database.db, {
      afterSeq,
      maxRows,
      progressEvery: every,
      onProgress: progress
        ? (p) =>
          console.error(
            `verified ${count(p.checked)} entries, up to seq ${count(p.last_seq)} ` +
              `(${count(p.rows_per_second)}/s)`,
          )
        : undefined,
    });
    const seconds = result.elapsed_ms / 1000;
    const rate = count(Math.round(result.checked / Math.max(seconds, 1e-3)));
    const where = `${database.location}`;
    if (result.broken) {
      broken = true;
      const b = result.broken;
      const suspect = b.suspect_seq === undefined ? "" : ` (suspect: entry ${b.suspect_seq})`;
      console.log(
        `decision log BROKEN at seq ${b.seq}: ${b.problem}${suspect}: ${b.message}; ` +
          `expected ${b.expected}, found ${b.found} ` +
          `(${count(result.checked)} entries before it intact; ${where})`,
      );
    } else if (result.checked === 0) {
      console.log(`decision log intact: no entries to check (${where})`);
    } else {
      const range = `seq ${count(result.first_seq!)}–${count(result.last_seq!)}`;
      const partial = result.complete
        ? ""
        : `; stopped by --max-rows, continue with --after-seq ${result.next_after_seq}`;
      console.log(
        `decision log intact: ${count(result.checked)} entries (${range}), last hash ` +
          `${result.last_hash} (${seconds.toFixed(1)} s, ${rate}/s${partial}; ${where})`,
      );
    }
  } finally {
    await database.close();
  }
  if (broken) Deno.exit(1);
});
