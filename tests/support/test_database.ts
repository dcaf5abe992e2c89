import pg from "pg";
import type { DatabaseHandle } from "../../src/db/database_handle.ts";
import { migrateToLatest } from "../../src/db/migrate_to_latest.ts";
import { openPglite } from "../../src/db/open_pglite.ts";
import { openPostgres, type PostgresDriver } from "../../src/db/open_postgres.ts";

/** The PostgreSQL server under test, when `DATABASE_URL` is set; otherwise tests use PGlite. */
export const TEST_DATABASE_URL: string | undefined = Deno.env.get("DATABASE_URL") || undefined;

/** Which backend this test run covers, for test names. */
export const BACKEND: string = TEST_DATABASE_URL ? "postgres" : "pglite";

let template: Promise<Blob> | undefined;

/** A migrated PGlite, dumped once per process and loaded per test (0.4 s instead of an initdb). */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const handle = await openPglite(null);
    await migrateToLatest(handle.db);
    const blob = await handle.pglite.dumpDataDir("none");
    await handle.close();
    return blob;
  })();
  return template;
}

/** Runs SQL on the server's maintenance database (create/drop test databases). */
async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A URL for another database on the same server. */
export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh PostgreSQL database on the test server, migrated; `close()` drops it. */
export async function createPostgresTestDatabase(
  options: { driver?: PostgresDriver; poolSize?: number } = {},
): Promise<DatabaseHandle & { url: string }> {
  if (!TEST_DATABASE_URL) throw new Error("DATABASE_URL is not set");
  const name = `whistle_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await admin(TEST_DATABASE_URL, `create database ${name}`);
  const url = databaseUrl(TEST_DATABASE_URL, name);
  const handle = openPostgres({
    url,
    driver: options.driver ?? "pg",
    poolSize: options.poolSize ?? 8,
    queryTimeoutMs: 10_000,
  });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      await admin(TEST_DATABASE_URL!, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * A fresh, migrated database for one test: a new PostgreSQL database when `DATABASE_URL` is
 * set, else an in-memory PGlite loaded from a template. `close()` removes it.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (TEST_DATABASE_URL) return await createPostgresTestDatabase();
  return await openPglite(null, { loadDataDir: await pgliteTemplate() });
}
