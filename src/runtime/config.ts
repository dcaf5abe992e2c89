import type { IntakeQueueOptions } from "../cases/intake_queue.ts";
import type { DatabaseConfig } from "../db/open_database.ts";
import { isLogLevel, type LogLevel } from "../observability/logger.ts";
import type { AdminSettings } from "../http/admin/admin_settings.ts";

/** Every setting of a Whistle process; read from the environment by {@link readConfig}. */
export interface WhistleConfig {
  port: number;
  hostname: string;
  database: DatabaseConfig;
  rulesDir: string;
  intake: IntakeQueueOptions;
  limits: { maxBodyBytes: number; maxBatchItems: number };
  /** Logs and metrics: `WHISTLE_LOG_LEVEL`, `WHISTLE_METRICS_TOKEN`. */
  observability: { logLevel: LogLevel; metricsToken: string | null };
  /** The browser admin: sessions, cookies, origin, proxy (`WHISTLE_SESSION_HOURS`, ...). */
  admin: AdminSettings;
  /** The escalation sweeper and the webhook deliverer (`WHISTLE_SWEEP_*`, `WHISTLE_WEBHOOK_*`). */
  lifecycle: LifecycleSettings;
}

/** Background lifecycle work of each instance. */
export interface LifecycleSettings {
  /** Between escalation sweeps (ms); 0 runs none (tests sweep by hand). */
  sweepIntervalMs: number;
  /** Most timers fired per sweep transaction. */
  sweepBatch: number;
  /** Sweep transactions in flight at once per instance (PostgreSQL; PGlite always 1). */
  sweepConcurrency: number;
  /** Between webhook delivery passes (ms); 0 runs none. */
  webhookIntervalMs: number;
  webhookTimeoutMs: number;
  /** Attempts before a notice is given up. */
  webhookMaxAttempts: number;
  /** First retry delay (ms), doubling each attempt, at most an hour. */
  webhookBackoffMs: number;
}

/** A setting that cannot be used, named. */
export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

function int(env: Record<string, string | undefined>, name: string, fallback: number, min = 0) {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(name, `expected an integer ≥ ${min}, got "${text}"`);
  }
  return value;
}

/**
 * Reads the configuration from environment variables (documented in the README), with the
 * defaults a single machine needs: port 8000, the embedded database in `./data`, rules from
 * `./rules`.
 *
 * @example
 * ```ts
 * import { readConfig } from "./config.ts";
 * readConfig({ PORT: "9000" }).port; // 9000
 * readConfig({}).database.dataDir; // "./data"
 * ```
 */
export function readConfig(env: Record<string, string | undefined>): WhistleConfig {
  const logLevel = env.WHISTLE_LOG_LEVEL || "info";
  if (!isLogLevel(logLevel)) {
    throw new ConfigError(
      "WHISTLE_LOG_LEVEL",
      `expected debug, info, warn or error, got "${logLevel}"`,
    );
  }
  const driver = env.WHISTLE_PG_DRIVER || "pg";
  if (driver !== "pg" && driver !== "postgres") {
    throw new ConfigError("WHISTLE_PG_DRIVER", `expected "pg" or "postgres", got "${driver}"`);
  }
  return {
    port: int(env, "PORT", 8000),
    hostname: env.WHISTLE_HOSTNAME || "0.0.0.0",
    database: {
      databaseUrl: env.DATABASE_URL || undefined,
      dataDir: env.WHISTLE_DATA_DIR || "./data",
      pgDriver: driver,
      poolSize: int(env, "WHISTLE_PG_POOL_SIZE", 16, 1),
      queryTimeoutMs: int(env, "WHISTLE_DB_TIMEOUT_MS", 5_000, 100),
    },
    rulesDir: env.WHISTLE_RULES_DIR || "./rules",
    intake: {
      maxBatch: int(env, "WHISTLE_INTAKE_BATCH_MAX", 500, 1),
      maxWaitMs: int(env, "WHISTLE_INTAKE_BATCH_WAIT_MS", 0),
      maxPending: int(env, "WHISTLE_INTAKE_QUEUE_MAX", 20_000, 1),
      writers: int(env, "WHISTLE_INTAKE_WRITERS", 2, 1),
    },
    limits: {
      maxBodyBytes: int(env, "WHISTLE_MAX_BODY_BYTES", 4 * 1024 * 1024, 1024),
      maxBatchItems: int(env, "WHISTLE_BATCH_MAX_ITEMS", 1_000, 1),
    },
    observability: { logLevel, metricsToken: env.WHISTLE_METRICS_TOKEN || null },
    admin: readAdminSettings(env),
    lifecycle: {
      sweepIntervalMs: int(env, "WHISTLE_SWEEP_INTERVAL_MS", 5_000),
      sweepBatch: int(env, "WHISTLE_SWEEP_BATCH", 500, 1),
      sweepConcurrency: int(env, "WHISTLE_SWEEP_CONCURRENCY", 3, 1),
      webhookIntervalMs: int(env, "WHISTLE_WEBHOOK_INTERVAL_MS", 1_000),
      webhookTimeoutMs: int(env, "WHISTLE_WEBHOOK_TIMEOUT_MS", 5_000, 100),
      webhookMaxAttempts: int(env, "WHISTLE_WEBHOOK_MAX_ATTEMPTS", 8, 1),
      webhookBackoffMs: int(env, "WHISTLE_WEBHOOK_BACKOFF_MS", 1_000, 1),
    },
  };
}

function readAdminSettings(env: Record<string, string | undefined>): AdminSettings {
  const cookieSecure = env.WHISTLE_COOKIE_SECURE || "auto";
  if (cookieSecure !== "auto" && cookieSecure !== "always" && cookieSecure !== "never") {
    throw new ConfigError(
      "WHISTLE_COOKIE_SECURE",
      `expected auto, always or never, got "${cookieSecure}"`,
    );
  }
  let publicOrigin: string | null = null;
  if (env.WHISTLE_PUBLIC_ORIGIN) {
    try {
      publicOrigin = new URL(env.WHISTLE_PUBLIC_ORIGIN).origin;
    } catch {
      throw new ConfigError(
        "WHISTLE_PUBLIC_ORIGIN",
        `expected an origin such as https://whistle.example.org, got "${env.WHISTLE_PUBLIC_ORIGIN}"`,
      );
    }
  }
  const trustProxy = env.WHISTLE_TRUST_PROXY || "0";
  if (trustProxy !== "0" && trustProxy !== "1") {
    throw new ConfigError("WHISTLE_TRUST_PROXY", `expected 0 or 1, got "${trustProxy}"`);
  }
  return {
    sessionTtlMs: int(env, "WHISTLE_SESSION_HOURS", 12, 1) * 60 * 60 * 1000,
    cookieSecure,
    publicOrigin,
    trustProxy: trustProxy === "1",
  };
}
