import type { Queryable } from "../db/database.ts";
import type { RulesetDocument } from "../routing/ruleset.ts";
import { rulesetContentHash } from "./content_hash.ts";
import { insertDraft, type RulesetDraft } from "./ruleset_draft_repository.ts";
import { findActiveVersion } from "./ruleset_version_repository.ts";
import { findVersion } from "./ruleset_version_queries.ts";

/** Where a new draft starts: a stored version (the active one by default) or a document. */
export type DraftSource =
  | { from: "version"; version?: number }
  | { from: "document"; document: RulesetDocument };

/** The new draft, or the version it was to start from is missing. */
export type CreateDraftOutcome =
  | { ok: true; draft: RulesetDraft }
  | { ok: false; problem: "version_not_found"; version: number | null };

/**
 * Creates a private working copy: of version `version` (default: the active one), or of a
 * document already shape-checked (e.g. files loaded by `rules:import`). Nothing is in force
 * until the draft is published.
 *
 * @example
 * ```ts ignore
 * const outcome = await createDraft(db, { from: "version" }, {
 *   note: "move MT-MZJ-005 to 司法局", author: "token:policy", now: new Date(),
 * });
 * if (outcome.ok) console.log(outcome.draft.id, outcome.draft.base_version);
 * ```
 */
export async function createDraft(
  db: Queryable,
  source: DraftSource,
  meta: { note: string; author: string; now: Date },
): Promise<CreateDraftOutcome> {
  let document: RulesetDocument;
  let base: number | null = null;
  if (source.from === "version") {
    const version = source.version === undefined
      ? await findActiveVersion(db)
      : await findVersion(db, source.version);
    if (!version) {
      return { ok: false, problem: "version_not_found", version: source.version ?? null };
    }
    document = version.document;
    base = version.version;
  } else {
    document = source.document;
  }
  const draft: RulesetDraft = {
    id: crypto.randomUUID(),
    base_version: base,
    document,
    content_hash: rulesetContentHash(document),
    note: meta.note,
    status: "open",
    revision: 1,
    author: meta.author,
    created_at: meta.now,
    updated_by: meta.author,
    updated_at: meta.now,
    published_version: null,
    published_at: null,
  };
  await insertDraft(db, draft);
  return { ok: true, draft };
}
