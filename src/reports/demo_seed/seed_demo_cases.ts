import type { Kysely } from "kysely";
import { CaseActionBatcher } from "../../cases/case_action_batcher.ts";
import { IntakeQueue } from "../../cases/intake_queue.ts";
import type { NewCase } from "../../cases/new_case.ts";
import { receiveCase } from "../../cases/receive_case.ts";
import type { Database } from "../../db/database.ts";
import { sweepDueTimers } from "../../escalation/sweep_due_timers.ts";
import type { CompiledRuleset } from "../../routing/compile_ruleset.ts";
import { foldKpiDeltas } from "../fold_kpi_deltas.ts";
import {
  type Fate,
  finishEscalated,
  pickFate,
  playCase,
  type Rand,
  type StoryDeps,
} from "./case_story.ts";
import { liveAssignmentsLoader } from "./live_assignments_loader.ts";
import { DEMO_CHANNELS, DEMO_TEXTS, demoAddress } from "./demo_texts.ts";

/** What to seed. */
export interface SeedOptions {
  cases: number;
  /** Spread over the days before `end`. */
  days: number;
  end: Date;
  /** Case histories played at once; their actions share transactions (`CaseActionBatcher`). */
  concurrency: number;
  /** Transactions in flight at once, for intake and for the case actions each (default 2). */
  writers?: number;
  /** Most case actions in one transaction (default 500). */
  maxBatch?: number;
  seed: number;
  /** Source of the cases (their external ids are `DEMO-<seed>-<n>`). */
  source?: string;
}

/** Progress: cases done so far. */
export type SeedProgress = (done: number) => void;

const DAY = 86_400_000;

function random(seed: number): Rand {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(rand: Rand, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    if ((r -= w) < 0) return item;
  }
  return items[items.length - 1][0];
}

async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const run = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, run));
}

/**
 * Seeds demo cases day by day through the real intake (the group-commit queue, routing by the
 * active ruleset) and the real lifecycle actions and sweeper, with a clock injected at each
 * step. Per simulated day: intake of the day's cases (in batches of up to 1,000 per
 * transaction), their histories (accept, return, extend, suspend, resolve, close, reopen), a
 * sweep six hours after midnight that escalates the cases left waiting, and the escalated
 * cases' new owners at work. The rollups are folded after each day.
 *
 * Histories are played `concurrency` at once, and their actions go through a
 * `CaseActionBatcher`: the actions waiting at the same moment (on distinct cases) share one
 * transaction, each run by the same function the API calls (`acceptCase`, `resolveCase`…).
 *
 * @example
 * ```ts ignore
 * await seedDemoCases(db, ruleset, { cases: 10_000, days: 90, end: new Date(), concurrency: 8,
 *   seed: 1 }, (done) => console.error(done));
 * ```
 */
export async function seedDemoCases(
  db: Kysely<Database>,
  ruleset: { readonly current: CompiledRuleset },
  options: SeedOptions,
  progress: SeedProgress = () => {},
): Promise<{ fates: Record<Fate, number> }> {
  const rand = random(options.seed);
  const document = ruleset.current.document;
  const types = document.matter_types;
  const areas = document.units.filter((u) => u.tier === "community");
  const grids = document.units.filter((u) => u.tier === "grid");
  const queue = new IntakeQueue(db, {
    maxBatch: 1000,
    maxWaitMs: 0,
    maxPending: Math.max(10_000, options.cases),
    writers: options.writers ?? 2,
  });
  const actions = new CaseActionBatcher(db, {
    maxBatch: options.maxBatch ?? 500,
    writers: options.writers ?? 2,
  });
  const lifecycle: StoryDeps = {
    db,
    ruleset,
    clock: () => new Date(),
    actions,
    liveAssignments: liveAssignmentsLoader(db),
  };
  const fates = {} as Record<Fate, number>;
  const start = options.end.getTime() - options.days * DAY;
  const source = options.source ?? "demo-seed";
  let done = 0;
  let n = 0;
  try {
    for (let day = 0; day < options.days; day++) {
      const dayStart = start + day * DAY;
      const count = Math.floor((options.cases * (day + 1)) / options.days) -
        Math.floor((options.cases * day) / options.days);
      const recent = options.end.getTime() - dayStart < 4 * DAY;
      const planned = Array.from({ length: count }, () => {
        const type = types[Math.floor(rand() * types.length)];
        const texts = DEMO_TEXTS[type.category] ?? DEMO_TEXTS.public_service;
        const [title, description] = texts[Math.floor(rand() * texts.length)];
        // Busier in the day than at night.
        const hour = rand() < 0.85 ? 8 + rand() * 12 : rand() * 24;
        const at = Math.min(dayStart + hour * 3_600_000, options.end.getTime() - 60_000);
        const i = n++;
        const area = areas[Math.floor(rand() * areas.length)];
        const grid = rand() < 0.4 ? grids[Math.floor(rand() * grids.length)] : undefined;
        const input: NewCase = {
          source,
          external_id: `DEMO-${options.seed}-${i}`,
          type: type.code,
          title,
          description: `${demoAddress(i)}：${description}`,
          location: {
            area_code: grid?.code ?? area?.code,
            grid_code: grid?.code,
            address: demoAddress(i),
          },
          urgency: rand() < 0.08 ? "urgent" : "normal",
          channel: weighted(rand, DEMO_CHANNELS),
          reported_at: new Date(at - rand() * 600_000).toISOString(),
        };
        return { input, at, fate: pickFate(rand, recent), seed: Math.floor(rand() * 2 ** 31) };
      });
      const received = await Promise.all(planned.map(async (p) => {
        const outcome = await receiveCase(
          { ruleset: ruleset.current, queue, now: new Date(p.at) },
          p.input,
          { actor: "seed:demo", requestId: null },
        );
        return { ...p, id: outcome.case.id };
      }));
      await pool(received, options.concurrency, async (c) => {
        fates[c.fate] = (fates[c.fate] ?? 0) + 1;
        await playCase(lifecycle, c.id, c.fate, c.at, random(c.seed));
        if (c.fate !== "escalated") progress(++done);
      });
      const sweepAt = Math.min(dayStart + DAY + 6 * 3_600_000, options.end.getTime());
      const sweptAt = new Date(sweepAt);
      for (;;) {
        const report = await sweepDueTimers({ db, ruleset }, sweptAt, 2000);
        if (report.claimed < 2000) break;
      }
      const escalated = received.filter((c) => c.fate === "escalated");
      const waiting = new Set<string>();
      for (let i = 0; i < escalated.length; i += 5000) {
        const rows = await db.selectFrom("cases").select("id")
          .where("id", "in", escalated.slice(i, i + 5000).map((c) => c.id))
          .where("state", "=", "assigned").execute();
        for (const row of rows) waiting.add(row.id);
      }
      await pool(escalated, options.concurrency, async (c) => {
        if (waiting.has(c.id)) await finishEscalated(lifecycle, c.id, sweepAt, random(c.seed));
        progress(++done);
      });
      await foldKpiDeltas(db);
    }
  } finally {
    await actions.close();
    await queue.close();
  }
  return { fates };
}
