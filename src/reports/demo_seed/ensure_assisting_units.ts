import type { Kysely } from "kysely";
import type { Database } from "../../db/database.ts";
import { createDraft } from "../../rulesets/create_draft.ts";
import { editDraft } from "../../rulesets/edit_draft.ts";
import { publishDraft } from "../../rulesets/publish_draft.ts";
import type { RulesetDocument } from "../../routing/ruleset.ts";

/**
 * Joint handling (协办) needs matter types with assisting units. When the active ruleset has
 * none (the shipped demo list has none), publishes a new version through the ordinary draft →
 * edit → publish path that gives every fifth matter type the owner of the next type as an
 * assisting unit. Returns the version published, or null when nothing was needed.
 */
export async function ensureAssistingUnits(
  db: Kysely<Database>,
  document: RulesetDocument,
  now: Date,
): Promise<number | null> {
  if (document.matter_types.some((t) => (t.assisting_units ?? []).length > 0)) return null;
  const meta = {
    note: "演示数据：部分事项增加协办单位 Demo seed: assisting units",
    author: "seed:demo",
    now,
  };
  const created = await createDraft(db, { from: "version" }, meta);
  if (!created.ok) throw new Error(`demo seed: cannot start a draft (${created.problem})`);
  const types = created.draft.document.matter_types;
  for (let i = 0; i < types.length; i += 5) {
    const next = types.slice(i + 1).find((t) => t.owner !== types[i].owner);
    if (!next) continue;
    const outcome = await editDraft(db, created.draft.id, {
      kind: "patch_matter_type",
      code: types[i].code,
      changes: { assisting_units: [next.owner] },
    }, { actor: "seed:demo", now });
    if (outcome.status !== "edited") throw new Error(`demo seed: edit refused (${outcome.status})`);
  }
  const published = await publishDraft(db, created.draft.id, {
    actor: "seed:demo",
    note: meta.note,
    requestId: null,
    now,
  });
  if (published.status !== "published") {
    throw new Error(`demo seed: publish refused (${published.status})`);
  }
  return published.version.version;
}
