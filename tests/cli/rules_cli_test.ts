import assert from "node:assert/strict";
import { join } from "node:path";
import type { DatabaseHandle } from "../../src/db/database_handle.ts";
import { migrateToLatest } from "../../src/db/migrate_to_latest.ts";
import { openPglite } from "../../src/db/open_pglite.ts";
import { RULESET_FILES } from "../../src/rulesets/finding.ts";
import { installInitialRuleset } from "../../src/rulesets/install_initial_ruleset.ts";
import { itemBy, rulesCopy, SHIPPED_RULES_DIR } from "../rulesets/ruleset_fixture.ts";
import { runCliTask } from "../support/service_process.ts";
import {
  BACKEND,
  createPostgresTestDatabase,
  TEST_DATABASE_URL,
} from "../support/test_database.ts";

/** A database with version 1 installed, and the environment that points the CLI at it. */
async function withDatabase(
  fn: (env: Record<string, string>, open: () => Promise<DatabaseHandle>) => Promise<void>,
) {
  if (TEST_DATABASE_URL) {
    const database = await createPostgresTestDatabase();
    try {
      await installInitialRuleset(database.db, SHIPPED_RULES_DIR, new Date());
      await fn(
        { DATABASE_URL: database.url },
        () => Promise.resolve({ ...database, close: async () => {} }),
      );
    } finally {
      await database.close();
    }
    return;
  }
  const dataDir = await Deno.makeTempDir({ prefix: "whistle_cli_" });
  try {
    const database = await openPglite(dataDir);
    await migrateToLatest(database.db);
    await installInitialRuleset(database.db, SHIPPED_RULES_DIR, new Date());
    await database.close();
    await fn({ WHISTLE_DATA_DIR: dataDir }, () => openPglite(dataDir));
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
}

Deno.test(`rules:export writes the active version back in the rules/ format, unchanged (${BACKEND})`, async () => {
  await withDatabase(async (env) => {
    const out = await Deno.makeTempDir({ prefix: "whistle_export_" });
    try {
      const printed = await runCliTask("src/cli/rules_export.ts", [out], env);
      assert.match(printed, /^Wrote ruleset version 1 \(/);
      for (const file of Object.values(RULESET_FILES)) {
        assert.equal(
          await Deno.readTextFile(join(out, file)),
          await Deno.readTextFile(join(SHIPPED_RULES_DIR, file)),
          file,
        );
      }
      const missing = await runCliTask("src/cli/rules_export.ts", [out, "--version", "9"], env)
        .catch((error: Error) => error.message);
      assert.match(missing, /has no ruleset version 9/);
    } finally {
      await Deno.remove(out, { recursive: true });
    }
  });
});

Deno.test(`rules:import makes a draft from files and says what it would change (${BACKEND})`, async () => {
  await withDatabase(async (env, open) => {
    const dir = await rulesCopy(RULESET_FILES.matter_types, (json) => {
      itemBy(json, "code", "MT-MZJ-005").owner = "YG-SFJ";
      return json;
    });
    try {
      const printed = await runCliTask(
        "src/cli/rules_import.ts",
        [dir, "--note", "owner change"],
        env,
      );
      const id = /Created draft ([0-9a-f-]{36})/.exec(printed)?.[1];
      assert.ok(id, printed);
      assert.match(printed, /matter_types: \+0 -0 ~1/);
      assert.match(printed, /:publish/);
      const database = await open();
      try {
        const draft = await database.db.selectFrom("ruleset_drafts").selectAll().where(
          "id",
          "=",
          id,
        )
          .executeTakeFirstOrThrow();
        assert.equal(draft.status, "open");
        assert.equal(draft.note, "owner change");
        assert.equal(draft.base_version, null);
        assert.match(draft.author, /^cli:/);
      } finally {
        await database.close();
      }

      // A bad file is refused naming file, item and field; no draft is made.
      const bad = await rulesCopy(RULESET_FILES.matter_types, (json) => {
        itemBy(json, "code", "MT-MZJ-005").time_limit_class = "forever";
        return json;
      });
      const refused = await runCliTask("src/cli/rules_import.ts", [bad], env)
        .catch((error: Error) => error.message);
      assert.match(refused, /matter_types\.json › MT-MZJ-005 › time_limit_class/);
      await Deno.remove(bad, { recursive: true });
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
});

Deno.test({
  name:
    "rules:export and rules:import refuse clearly while the service holds the embedded database (pglite)",
  ignore: Boolean(TEST_DATABASE_URL),
  async fn() {
    await withDatabase(async (env, open) => {
      const held = await open(); // as the running service would
      try {
        for (
          const [task, args] of [["src/cli/rules_export.ts", ["/tmp/x"]], [
            "src/cli/rules_import.ts",
            [SHIPPED_RULES_DIR],
          ]] as const
        ) {
          const message = await runCliTask(task, [...args], env).then(
            () => "succeeded",
            (error: Error) => error.message,
          );
          assert.match(message, /is in use by another Whistle process/, task);
        }
      } finally {
        await held.close();
      }
    });
  },
});
