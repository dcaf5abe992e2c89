import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { lockDataDir } from "../../src/db/data_dir_lock.ts";
import { ensureAssistingUnits } from "../../src/reports/demo_seed/ensure_assisting_units.ts";
import { seedDemoCases } from "../../src/reports/demo_seed/seed_demo_cases.ts";
import { kpisBy } from "../../src/reports/kpis_by.ts";
import { BACKEND } from "../support/test_database.ts";
import { startTestWhistle } from "../support/test_whistle.ts";

const END = new Date("2026-11-20T04:00:00Z");

Deno.test(`demo seed plays believable histories through intake and lifecycle (${BACKEND})`, async () => {
  // No background sweeper: its clock is END, and it would escalate cases in the middle of their
  // story (the seed sweeps by hand, with its own clock, after each day's stories).
  const w = await startTestWhistle({ clock: () => END, env: { WHISTLE_SWEEP_INTERVAL_MS: "0" } });
  try {
    const db = w.database.db;
    const version = await ensureAssistingUnits(db, w.ruleset.current.document, END);
    assert.equal(version, 2, "the demo list has no assisting units: a version adds some");
    await w.ruleset.refresh();
    const { fates } = await seedDemoCases(db, w.ruleset, {
      cases: 120,
      days: 6,
      end: END,
      concurrency: 1,
      seed: 42,
    });
    assert.equal(Object.values(fates).reduce((a, b) => a + b, 0), 120);
    const k = (await kpisBy(db, { from: "2026-11-01", to: "2026-11-30" }, "total", END)).get("")!;
    assert.equal(k.received, 120);
    assert.ok(k.resolved > 60, `resolved ${k.resolved}`);
    assert.ok(k.returns > 0 && k.escalations > 0 && k.reopened > 0, JSON.stringify(k));
    assert.ok(k.extensions.granted > 0, "extensions");
    assert.ok(k.assist.assigned > 0 && k.assist.submitted > 0, "joint cases");
    const suspended = await db.selectFrom("case_suspensions").select("id").execute();
    assert.ok(suspended.length > 0, "suspensions");
    // Every case went through intake: one route decision each.
    const routes = await db.selectFrom("decision_log").select("seq").where("kind", "=", "route")
      .execute();
    assert.equal(routes.length, 120);
  } finally {
    await w.close();
  }
});

Deno.test("demo:seed refuses while another process holds the embedded data folder", async () => {
  const dir = await Deno.makeTempDir();
  const lock = await lockDataDir(dir);
  try {
    const env = { ...Deno.env.toObject(), WHISTLE_DATA_DIR: dir, RUST_BACKTRACE: "0" };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        fileURLToPath(new URL("../../src/cli/demo_seed.ts", import.meta.url)),
        "--cases",
        "5",
      ],
      env,
      clearEnv: true,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 1, stderr);
    assert.match(stderr, /in use by another Whistle process/);
  } finally {
    lock.close();
    await Deno.remove(dir, { recursive: true });
  }
});
