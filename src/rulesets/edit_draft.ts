import type { Kysely } from "kysely";
import type { Database } from "../db/database.ts";
import type { RulesetDocument } from "../routing/ruleset.ts";
import { rulesetContentHash } from "./content_hash.ts";
import { editRulesetDocument, type RulesetEdit } from "./edit_ruleset_document.ts";
import type { Finding } from "./finding.ts";
import { parseRulesetDocument } from "./parse_ruleset_document.ts";
import { findDraft, type RulesetDraft, updateDraftDocument } from "./ruleset_draft_repository.ts";
import { rulesetDocumentSchema } from "./ruleset_schema.ts";

/** What an edit did. */
export type EditDraftOutcome =
  | { status: "edited"; draft: RulesetDraft; created: boolean }
  | { status: "draft_not_found" }
  | { status: "draft_not_open"; draft: RulesetDraft }
  | { status: "item_not_found"; item: string }
  /** The edit would break the document's shape; nothing was changed. */
  | { status: "invalid"; findings: Finding[] };

/**
 * Applies one item edit to an open draft, atomically (the draft row is locked while it is read,
 * changed and written back, so concurrent edits never lose one another). The edited document
 * must keep the ruleset shape; semantic problems (an owner that is not a unit, an unknown fact)
 * are allowed in a draft and reported by validation, which blocks publishing.
 *
 * @example
 * ```ts ignore
 * await editDraft(db, draftId, {
 *   kind: "patch_matter_type", code: "MT-MZJ-005", changes: { owner: "YG-SFJ" },
 * }, { actor: "token:policy", now: new Date() });
 * ```
 */
export async function editDraft(
  db: Kysely<Database>,
  id: string,
  edit: RulesetEdit,
  meta: { actor: string; now: Date },
): Promise<EditDraftOutcome> {
  return await db.transaction().execute(async (trx): Promise<EditDraftOutcome> => {
    const draft = await findDraft(trx, id, { forUpdate: true });
    if (!draft) return { status: "draft_not_found" };
    if (draft.status !== "open") return { status: "draft_not_open", draft };
    const outcome = editRulesetDocument(draft.document, edit);
    if (!outcome.ok) return { status: "item_not_found", item: outcome.item };
    const shape = rulesetDocumentSchema.safeParse(outcome.document);
    if (!shape.success) {
      const parsed = parseRulesetDocument(outcome.document);
      return { status: "invalid", findings: parsed.ok ? [] : parsed.findings };
    }
    const document: RulesetDocument = outcome.document;
    const change = {
      document,
      content_hash: rulesetContentHash(document),
      updated_by: meta.actor,
      updated_at: meta.now,
    };
    await updateDraftDocument(trx, id, change);
    return {
      status: "edited",
      draft: { ...draft, ...change, revision: draft.revision + 1 },
      created: outcome.created,
    };
  });
}
