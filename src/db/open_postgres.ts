import { Kysely, PostgresDialect } from "kysely";
import { PostgresJSDialect } from "kysely-postgres-js";
import pg from "pg";
import { preparingPool } from "./prepared_statements.ts";
import postgres from "postgres";
import type { Database } from "./database.ts";
import type { DatabaseHandle } from "./database_handle.ts";
import { type ListenOptions, listenPostgres } from "./pg_listener.ts";

const INT8 = 20;

/** The PostgreSQL client library: node-postgres (`pg`, default) or postgres.js (`postgres`). */
export type PostgresDriver = "pg" | "postgres";

/** How to reach PostgreSQL. */
export interface PostgresOptions {
  url: string;
  driver: PostgresDriver;
  /** Connections in the pool. */
  poolSize: number;
  /** A query that takes longer fails instead of hanging (ms). */
  queryTimeoutMs: number;
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres (unparseable DATABASE_URL)";
  }
}

/**
 * Opens a pool to PostgreSQL. int8 values come back as numbers with either driver. With `pg`,
 * a connection the server drops (restart, failover) fails the queries on it and the pool
 * reconnects by itself; see README "Choosing the PostgreSQL driver".
 */
export function openPostgres(options: PostgresOptions): DatabaseHandle {
  const location = redactUrl(options.url);
  // LISTEN needs its own long-lived session; it always uses node-postgres, whatever the pool.
  const listen = (channel: string, onNotify: (payload: string) => void, opts?: ListenOptions) =>
    listenPostgres(options.url, channel, onNotify, {
      connectTimeoutMs: options.queryTimeoutMs,
      ...opts,
    });
  if (options.driver === "postgres") {
    const client = postgres(options.url, {
      max: options.poolSize,
      onnotice: () => {},
      connect_timeout: Math.ceil(options.queryTimeoutMs / 1000),
      types: {
        int8: {
          to: INT8,
          from: [INT8],
          serialize: (v: number) => String(v),
          parse: (v: string) => Number(v),
        },
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: client }) });
    return { db, kind: "postgres", location, close: () => db.destroy(), listen };
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: options.queryTimeoutMs,
    query_timeout: options.queryTimeoutMs,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8
          ? (v: string) =>
            Number(v)
          : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
    },
  });
  // A client whose server went away (restart, failover) emits 'error': on the pool while idle,
  // on the client itself while checked out. Without listeners either would end the process;
  // with them, the query in flight fails (intake answers 503) and the pool reconnects.
  pool.on("error", () => {});
  pool.on("connect", (client: pg.PoolClient) => client.on("error", () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  const poolStats = () => ({
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  });
  return { db, kind: "postgres", location, close: () => db.destroy(), listen, poolStats };
}
