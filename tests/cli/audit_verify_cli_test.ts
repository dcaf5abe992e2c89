import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "../../src/db/database_handle.ts";
import { jsonb } from "../../src/db/jsonb.ts";
import { migrateToLatest } from "../../src/db/migrate_to_latest.ts";
import { openPglite } from "../../src/db/open_pglite.ts";
import { appendEntries, logEntry, tamper } from "../audit/audit_fixture.ts";
import {
  BACKEND,
  createPostgresTestDatabase,
  TEST_DATABASE_URL,
} from "../support/test_database.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Runs `deno task audit:verify`'s file with `args`; its exit code and output. */
async function auditVerify(env: Record<string, string>, args: string[] = []) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-net",
      "--allow-env",
      "--allow-read",
      "--allow-write",
      "--allow-sys",
      `${ROOT}src/cli/audit_verify.ts`,
      ...args,
    ],
    env: { RUST_BACKTRACE: "0", NO_COLOR: "1", ...env },
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

/** A database with 30 logged entries, and the environment that points the CLI at it. */
async function withLog(
  fn: (env: Record<string, string>, open: () => Promise<DatabaseHandle>) => Promise<void>,
) {
  if (TEST_DATABASE_URL) {
    const database = await createPostgresTestDatabase();
    try {
      await appendEntries(database.db, Array.from({ length: 30 }, () => logEntry()));
      await fn(
        { DATABASE_URL: database.url },
        () => Promise.resolve({ ...database, close: async () => {} }),
      );
    } finally {
      await database.close();
    }
    return;
  }
  const dataDir = await Deno.makeTempDir({ prefix: "whistle_audit_cli_" });
  try {
    const database = await openPglite(dataDir);
    await migrateToLatest(database.db);
    await appendEntries(database.db, Array.from({ length: 30 }, () => logEntry()));
    await database.close();
    await fn({ WHISTLE_DATA_DIR: dataDir }, () => openPglite(dataDir));
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
}

Deno.test(`audit:verify exits 0 on an intact log and 1 naming the seq of a broken link (${BACKEND})`, async () => {
  await withLog(async (env, open) => {
    const intact = await auditVerify(env);
    assert.equal(intact.code, 0, intact.stderr);
    assert.match(
      intact.stdout.trim(),
      /^decision log intact: 30 entries \(seq 1–30\), last hash [0-9a-f]{64} /,
    );
    assert.equal(intact.stderr, ""); // progress only on a terminal

    const slice = await auditVerify(env, ["--after-seq", "10", "--max-rows", "5"]);
    assert.equal(slice.code, 0);
    assert.match(slice.stdout, /5 entries \(seq 11–15\).*continue with --after-seq 15/);

    const database = await open();
    try {
      await tamper(
        database.db,
        (trx) =>
          trx.updateTable("decision_log").set({ facts: jsonb({ type: "MT-X" }) })
            .where("seq", "=", 17).execute(),
      );
    } finally {
      await database.close();
    }
    const broken = await auditVerify(env);
    assert.equal(broken.code, 1);
    assert.match(
      broken.stdout.trim(),
      /^decision log BROKEN at seq 17: hash_mismatch: Entry 17 was changed/,
    );
    assert.match(broken.stdout, /16 entries before it intact/);

    const usage = await auditVerify(env, ["--max-rows", "lots"]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--max-rows: expected a whole number/);
  });
});
