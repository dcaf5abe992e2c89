import type { IntakeQueueOptions } from "../cases/intake_queue.ts";
import type { DatabaseConfig } from "../db/open_database.ts";

/** Every setting of a Whistle process; read from the environment by {@link readConfig}. */
export interface WhistleConfig {
  port: number;
  hostname: string;
  database: DatabaseConfig;
  rulesDir: string;
  intake: IntakeQueueOptions;
  limits: { maxBodyBytes: number; maxBatchItems: number };
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
    },
    limits: {
      maxBodyBytes: int(env, "WHISTLE_MAX_BODY_BYTES", 4 * 1024 * 1024, 1024),
      maxBatchItems: int(env, "WHISTLE_BATCH_MAX_ITEMS", 1_000, 1),
    },
  };
}
