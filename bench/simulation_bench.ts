/**
 * How long a simulation takes over many stored cases.
 *
 * ```sh
 * deno run -A bench/simulation_bench.ts                       # 100,000 cases, embedded PGlite
 * DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *   deno run -A bench/simulation_bench.ts --cases 100000      # a scratch PostgreSQL database
 * ```
 *
 * Seeds N synthetic cases over the last 30 days (the demo ruleset's matter types, areas and
 * grids; texts that trip the gas-leak, wages and power rules), makes a draft that moves one
 * matter type to another owner and adds a night rule, and runs the simulation job against every
 * case twice: compared with the active version (two decisions per case) and with the stored
 * owners (one decision per case). Progress is printed as the job writes it. The scratch
 * PostgreSQL database is dropped at the end.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "../src/db/database_handle.ts";
import { migrateToLatest } from "../src/db/migrate_to_latest.ts";
import { openPglite } from "../src/db/open_pglite.ts";
import type { SimulationBaseline } from "../src/db/tables/simulation_table.ts";
import { createDraft } from "../src/rulesets/create_draft.ts";
import { editDraft } from "../src/rulesets/edit_draft.ts";
import { installInitialRuleset } from "../src/rulesets/install_initial_ruleset.ts";
import { runSimulation } from "../src/rulesets/run_simulation.ts";
import { findSimulation, insertSimulation } from "../src/rulesets/simulation_repository.ts";
import { insertCases, syntheticCases } from "../tests/support/seed_cases.ts";
import { createPostgresTestDatabase, TEST_DATABASE_URL } from "../tests/support/test_database.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    cases: { type: "string", default: "100000" },
    page: { type: "string", default: "2000" },
  },
});
const COUNT = Number(values.cases);
const PAGE = Number(values.page);
const RULES_DIR = fileURLToPath(new URL("../rules", import.meta.url));
const fmt = (n: number) => n.toLocaleString("en-US");

const database: DatabaseHandle = TEST_DATABASE_URL
  ? await createPostgresTestDatabase({ poolSize: 4 })
  : await openPglite(null);
try {
  const { db } = database;
  await migrateToLatest(db);
  const now = new Date();
  const { active } = await installInitialRuleset(db, RULES_DIR, now);
  console.log(`database: ${database.location}; ${fmt(COUNT)} cases, pages of ${fmt(PAGE)}`);

  let t = performance.now();
  await insertCases(db, syntheticCases(active.document, { count: COUNT, end: now }));
  console.log(`seeded ${fmt(COUNT)} cases in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const created = await createDraft(db, { from: "version" }, {
    note: "bench",
    author: "bench",
    now,
  });
  if (!created.ok) throw new Error("no draft");
  const draftId = created.draft.id;
  const meta = { actor: "bench", now };
  await editDraft(db, draftId, {
    kind: "patch_matter_type",
    code: "MT-MZJ-005",
    changes: { owner: "YG-SFJ" },
  }, meta);
  await editDraft(db, draftId, {
    kind: "put_exception_rule",
    rule: {
      name: "bench-night-to-center",
      priority: 5,
      conditions: { all: [{ fact: "hour", operator: "greaterThanInclusive", value: 22 }] },
      event: { type: "assign", params: { owner: "YG-ZZZX" } },
    },
  }, meta);

  const seconds: Record<string, number> = {};
  for (const baseline of ["active", "stored"] as SimulationBaseline[]) {
    const id = crypto.randomUUID();
    await insertSimulation(db, {
      id,
      draft_id: draftId,
      draft_hash: "",
      baseline,
      baseline_version: null,
      period_from: new Date(now.getTime() - 30 * 86_400_000),
      period_to: new Date(now.getTime() + 1),
      status: "queued",
      processed: 0,
      total: 0,
      result: null,
      error: null,
      created_by: "bench",
      created_at: new Date(),
      started_at: null,
      finished_at: null,
      updated_at: new Date(),
    });
    let updates = 0;
    let shown = 0;
    t = performance.now();
    await runSimulation(db, id, {
      pageSize: PAGE,
      onProgress: (processed, total) => {
        updates++;
        if (processed >= shown + total / 5 || processed === total) {
          shown = processed;
          const ms = performance.now() - t;
          console.log(
            `  [${baseline}] ${fmt(processed)} / ${fmt(total)} after ${(ms / 1000).toFixed(2)} s`,
          );
        }
      },
    });
    const elapsed = (performance.now() - t) / 1000;
    seconds[baseline] = elapsed;
    const simulation = await findSimulation(db, id);
    if (simulation?.status !== "succeeded" || !simulation.result) {
      throw new Error(`simulation ${simulation?.status}: ${simulation?.error}`);
    }
    const { result } = simulation;
    console.log(
      `simulation (${baseline} baseline): ${fmt(result.cases)} cases in ${elapsed.toFixed(2)} s ` +
        `(${fmt(Math.round(result.cases / elapsed))} cases/s), ${updates} progress updates; ` +
        `${fmt(result.moved)} would move: ` +
        result.moves.slice(0, 3).map((m) => `${m.from}→${m.to} ${fmt(m.count)}`).join(", ") +
        (result.moves.length > 3 ? `, … (${result.moves.length} pairs)` : ""),
    );
  }
  console.log(
    `summary: ${fmt(COUNT)} cases simulated in ${seconds.active.toFixed(2)} s against the active ` +
      `version, ${seconds.stored.toFixed(2)} s against stored owners (${database.kind})`,
  );
} finally {
  await database.close();
}
