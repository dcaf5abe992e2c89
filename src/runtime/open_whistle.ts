import { sql } from "kysely";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { TokenVerifier } from "../access/token_verifier.ts";
import { type BatchReport, IntakeQueue } from "../cases/intake_queue.ts";
import type { DatabaseHandle } from "../db/database_handle.ts";
import { migrateToLatest } from "../db/migrate_to_latest.ts";
import { openDatabase } from "../db/open_database.ts";
import type { AppEnv } from "../http/app_env.ts";
import { createApp } from "../http/app.ts";
import { ActiveRuleset } from "../rulesets/active_ruleset.ts";
import { installInitialRuleset } from "../rulesets/install_initial_ruleset.ts";
import type { WhistleConfig } from "./config.ts";

/** A running Whistle: the HTTP app and what it stands on. */
export interface Whistle {
  app: OpenAPIHono<AppEnv>;
  database: DatabaseHandle;
  ruleset: ActiveRuleset;
  intake: IntakeQueue;
  /** True when version 1 was installed from the rules folder by this start. */
  installedRuleset: boolean;
  /** Stops intake (answering what waits), then closes the database. */
  close(): Promise<void>;
}

/** Options for tests and tools: an injected clock, an already-open database. */
export interface OpenOptions {
  clock?: () => Date;
  database?: DatabaseHandle;
  onBatch?: (report: BatchReport) => void;
}

/**
 * Opens the database, runs pending migrations, installs the ruleset files as version 1 on an
 * empty database, loads the active ruleset and builds the HTTP app around them.
 */
export async function openWhistle(
  config: WhistleConfig,
  options: OpenOptions = {},
): Promise<Whistle> {
  const clock = options.clock ?? (() => new Date());
  const database = options.database ?? await openDatabase(config.database);
  try {
    const { db } = database;
    await migrateToLatest(db);
    const { installed } = await installInitialRuleset(db, config.rulesDir, clock());
    const ruleset = await ActiveRuleset.load(db);
    let lastWriteFailed = false;
    const intake = new IntakeQueue(db, config.intake, (report) => {
      lastWriteFailed = !report.ok;
      options.onBatch?.(report);
    });
    const readiness = async () => {
      const checks: Record<string, string> = {};
      try {
        await withTimeout(sql`select 1`.execute(db), 2_000);
        checks.database = "ok";
        lastWriteFailed = false;
      } catch (error) {
        checks.database = `unreachable: ${error instanceof Error ? error.message : String(error)}`;
      }
      checks.intake = !intake.accepting
        ? "shutting down"
        : intake.depth >= config.intake.maxPending
        ? "queue full"
        : lastWriteFailed
        ? "last write failed"
        : "ok";
      return { ready: Object.values(checks).every((v) => v === "ok"), checks };
    };
    const app = createApp({
      db,
      ruleset,
      intake,
      tokens: new TokenVerifier(db),
      clock,
      readiness,
      limits: config.limits,
    });
    return {
      app,
      database,
      ruleset,
      intake,
      installedRuleset: installed,
      async close() {
        await intake.close();
        if (!options.database) await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
