/**
 * `deno task rules:import DIR [--note TEXT]`: loads a ruleset from DIR (the layout of `rules/`,
 * validated the same way: a bad file is refused naming file, item and field) and stores it as a
 * new draft. It prints the draft's id, its findings and what it would change compared with the
 * active version. Nothing is in force until the draft is published:
 * `POST /api/v1/rulesets/drafts/{id}:publish` with a `policy_editor` token.
 *
 * With the embedded database, run it while the service is stopped: the data folder belongs to
 * one process, and this task refuses with a clear message while the service holds it (while it
 * runs, post the document instead: `POST /api/v1/rulesets/drafts` with `{ "document": ... }`).
 * With PostgreSQL (`DATABASE_URL`) it runs alongside any number of instances.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { migrateToLatest } from "../db/migrate_to_latest.ts";
import { openDatabase } from "../db/open_database.ts";
import { createDraft } from "../rulesets/create_draft.ts";
import { diffRulesets } from "../rulesets/diff_rulesets.ts";
import { loadRulesetDir } from "../rulesets/load_ruleset_dir.ts";
import { hasErrors, reviewRuleset } from "../rulesets/review_ruleset.ts";
import { findActiveVersion } from "../rulesets/ruleset_version_repository.ts";
import { readConfig } from "../runtime/config.ts";
import { runCli } from "./run_cli.ts";

await runCli(async () => {
  const { positionals, values } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: { note: { type: "string" } },
  });
  const dir = positionals[0];
  if (!dir || positionals.length > 1) {
    console.error('usage: deno task rules:import DIR [--note "why"]');
    Deno.exit(2);
  }
  const { document } = await loadRulesetDir(dir);
  const findings = reviewRuleset(document);
  const config = readConfig(Deno.env.toObject());
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const author = `cli:${Deno.env.get("USER") || Deno.env.get("USERNAME") || "unknown"}`;
    const created = await createDraft(database.db, { from: "document", document }, {
      note: values.note ?? `Imported from ${dir}`,
      author,
      now: new Date(),
    });
    if (!created.ok) throw new Error("could not create the draft");
    const active = await findActiveVersion(database.db);
    const lines = [`Created draft ${created.draft.id} from ${dir} in ${database.location}.`];
    if (active) {
      const diff = diffRulesets(active.document, document);
      const parts = (["units", "matter_types", "exception_rules", "time_limit_classes"] as const)
        .map((key) => {
          const d = diff[key];
          return `${key}: +${d.added.length} -${d.removed.length} ~${d.changed.length}`;
        });
      lines.push(
        diff.changes === 0
          ? `It is identical to the active version ${active.version}.`
          : `Compared with the active version ${active.version}: ${parts.join(", ")}` +
            (diff.fallback_unit ? `, fallback unit changed` : "") + ".",
      );
    }
    for (const finding of findings) {
      const where = [finding.file, finding.item, finding.field].filter((p) => p !== "").join(" › ");
      lines.push(`  ${finding.severity}: ${where}: ${finding.message.en}`);
    }
    lines.push(
      hasErrors(findings)
        ? "It has errors: fix them in the draft (API) before it can be published."
        : `Publish it with POST /api/v1/rulesets/drafts/${created.draft.id}:publish ` +
          '{"note": "..."} (a policy_editor token).',
    );
    console.log(lines.join("\n"));
  } finally {
    await database.close();
  }
});
