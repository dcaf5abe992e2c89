import { sql } from "kysely";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { TokenVerifier } from "../access/token_verifier.ts";
import { type BatchReport, IntakeQueue } from "../cases/intake_queue.ts";
import type { DatabaseHandle } from "../db/database_handle.ts";
import { migrateToLatest } from "../db/migrate_to_latest.ts";
import { openDatabase } from "../db/open_database.ts";
import type { AppEnv } from "../http/app_env.ts";
import { createApp } from "../http/app.ts";
import { WhistleMetrics } from "../metrics/whistle_metrics.ts";
import { createLogger, type Logger } from "../observability/logger.ts";
import { ActiveRuleset } from "../rulesets/active_ruleset.ts";
import { installInitialRuleset } from "../rulesets/install_initial_ruleset.ts";
import {
  type LiveReloadOptions,
  type RulesetLiveReload,
  startRulesetLiveReload,
} from "../rulesets/ruleset_live_reload.ts";
import { simulationJobs } from "../rulesets/simulation_jobs.ts";
import { calendarGaps, describeGaps } from "../escalation/calendar_gaps.ts";
import { startSweeper, type Sweeper } from "../escalation/sweeper.ts";
import {
  startWebhookDeliverer,
  type WebhookDeliverer,
} from "../notifications/webhook_deliverer.ts";
import type { WhistleConfig } from "./config.ts";

/** A running Whistle: the HTTP app and what it stands on. */
export interface Whistle {
  app: OpenAPIHono<AppEnv>;
  database: DatabaseHandle;
  ruleset: ActiveRuleset;
  intake: IntakeQueue;
  /** This instance's metrics; the case lifecycle records warnings, escalations, deliveries. */
  metrics: WhistleMetrics;
  /** Structured logs (JSON lines). */
  logger: Logger;
  /** True when version 1 was installed from the rules folder by this start. */
  installedRuleset: boolean;
  /** Fires due warnings, escalations and resumptions (tests call `sweepOnce()`). */
  sweeper: Sweeper;
  /** Delivers the webhook outbox (tests call `deliverOnce()`). */
  webhooks: WebhookDeliverer;
  /** Stops intake (answering what waits), then closes the database. */
  close(): Promise<void>;
}

/** Options for tests and tools: an injected clock, an already-open database. */
export interface OpenOptions {
  clock?: () => Date;
  database?: DatabaseHandle;
  onBatch?: (report: BatchReport) => void;
  /** Where logs go; default JSON lines on stdout at `WHISTLE_LOG_LEVEL` (tests: `silentLogger`). */
  logger?: Logger;
  /** How this instance follows publishes made on others (PostgreSQL only). */
  rulesetLiveReload?: LiveReloadOptions;
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
  let liveReload: RulesetLiveReload | null = null;
  try {
    const { db } = database;
    await migrateToLatest(db);
    const { installed } = await installInitialRuleset(db, config.rulesDir, clock());
    const ruleset = await ActiveRuleset.load(db);
    const logger = options.logger ?? createLogger({ level: config.observability.logLevel });
    // Instances sharing PostgreSQL follow each other's publishes (NOTIFY + a version check);
    // PGlite belongs to one process, whose publishes refresh its ruleset in-process.
    if (database.kind === "postgres") {
      liveReload = startRulesetLiveReload(ruleset, database, {
        log: ({ level, msg, ...fields }) =>
          level === "warn" ? logger.warn(String(msg), fields) : logger.info(String(msg), fields),
        ...options.rulesetLiveReload,
      });
    }
    let lastWriteFailed = false;
    // Read at scrape time only, when `intake` exists.
    const metrics = new WhistleMetrics({
      queueDepth: () => intake.depth,
      rulesetVersion: () => ruleset.current.version,
      poolStats: () => database.poolStats?.() ?? null,
    });
    const intake = new IntakeQueue(db, {
      ...config.intake,
      webhookUrl: (unit) => ruleset.current.units.get(unit)?.webhook_url,
      // PGlite is one connection: a second writer would only wait for it.
      writers: database.kind === "pglite" ? 1 : config.intake.writers,
    }, (report) => {
      lastWriteFailed = !report.ok;
      metrics.batch(report);
      if (!report.ok) {
        logger.error("intake transaction failed", { cases: report.size, error: report.error });
      }
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
      // Not a readiness failure, but said loudly: deadlines in a year no calendar covers.
      const warnings: Record<string, string> = {};
      if (checks.database === "ok") {
        const gaps = describeGaps(await calendarGaps(db).catch(() => new Map()));
        if (gaps) warnings.calendar = gaps;
      }
      return { ready: Object.values(checks).every((v) => v === "ok"), checks, warnings };
    };
    const lifecycle = config.lifecycle;
    const webhooks = startWebhookDeliverer({ db, clock, metrics, logger }, {
      intervalMs: lifecycle.webhookIntervalMs,
      batchSize: 50,
      timeoutMs: lifecycle.webhookTimeoutMs,
      maxAttempts: lifecycle.webhookMaxAttempts,
      backoffMs: lifecycle.webhookBackoffMs,
    });
    const sweeper = startSweeper({ db, ruleset, metrics, logger, onNotices: webhooks.kick }, {
      intervalMs: lifecycle.sweepIntervalMs,
      batchSize: lifecycle.sweepBatch,
      // PGlite is one connection: a second transaction would only wait for the first.
      concurrency: database.kind === "pglite" ? 1 : lifecycle.sweepConcurrency,
      clock,
    });
    const app = createApp({
      db,
      ruleset,
      intake,
      tokens: new TokenVerifier(db),
      clock,
      readiness,
      limits: config.limits,
      metrics,
      logger,
      metricsToken: config.observability.metricsToken,
      onNotices: webhooks.kick,
    }, { admin: config.admin });
    return {
      app,
      database,
      ruleset,
      intake,
      metrics,
      logger,
      installedRuleset: installed,
      sweeper,
      webhooks,
      async close() {
        await sweeper.stop();
        await webhooks.stop();
        await liveReload?.stop();
        await simulationJobs(db).stop();
        await intake.close();
        if (!options.database) await database.close();
      },
    };
  } catch (error) {
    await liveReload?.stop();
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
