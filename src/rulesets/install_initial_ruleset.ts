import { sql } from "kysely";
import type { Kysely } from "kysely";
import { appendDecisions } from "../audit/append_decisions.ts";
import type { Database } from "../db/database.ts";
import { rulesetContentHash } from "./content_hash.ts";
import { loadRulesetDir } from "./load_ruleset_dir.ts";
import {
  findActiveVersion,
  insertRulesetVersion,
  type RulesetVersion,
  setActiveVersion,
} from "./ruleset_version_repository.ts";

/** Lock key so that instances starting together install version 1 once. */
const INSTALL_LOCK = 0x5768_6972;

/**
 * On an empty database, validates the ruleset files in `rulesDir` and makes them version 1,
 * active, with a `publish` entry in the decision log. On a database that has a version, does
 * nothing: the database holds the rules from then on. Returns the active version and whether it
 * was installed now. A bad ruleset throws `RulesetInvalidError` and installs nothing.
 */
export async function installInitialRuleset(
  db: Kysely<Database>,
  rulesDir: string,
  now: Date,
): Promise<{ active: RulesetVersion; installed: boolean }> {
  const existing = await findActiveVersion(db);
  if (existing) return { active: existing, installed: false };
  const { document } = await loadRulesetDir(rulesDir);
  return await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${INSTALL_LOCK})`.execute(trx);
    const raced = await findActiveVersion(trx);
    if (raced) return { active: raced, installed: false };
    const hash = rulesetContentHash(document);
    const actor = "system:install";
    const active = await insertRulesetVersion(trx, {
      content_hash: hash,
      document,
      author: actor,
      note: `Installed from ${rulesDir} on first start`,
      created_at: now,
    });
    await setActiveVersion(trx, active.version, actor, now);
    await appendDecisions(trx, [{
      case_id: null,
      kind: "publish",
      ruleset_version: active.version,
      ruleset_hash: hash,
      matched_rules: [],
      facts: {},
      outcome: { version: active.version, previous_version: null },
      reason: {
        zh: `首次启动：从 ${rulesDir} 载入规则集，作为第 ${active.version} 版启用。`,
        en:
          `First start: ruleset loaded from ${rulesDir} and published as version ${active.version}.`,
      },
      actor,
      request_id: null,
      created_at: now,
    }]);
    return { active, installed: true };
  });
}
