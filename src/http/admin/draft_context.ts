import type { Context } from "hono";
import type { Finding } from "../../rulesets/finding.ts";
import { findDraft, type RulesetDraft } from "../../rulesets/ruleset_draft_repository.ts";
import type { AdminDeps } from "./admin_deps.ts";
import { isUuid } from "./admin_forms.ts";
import { reviewedFindings } from "./review_cache.ts";

/** A draft with its findings and the active version number, as draft pages need them. */
export interface DraftContext {
  draft: RulesetDraft;
  findings: readonly Finding[];
  activeVersion: number;
}

/** The draft named by the `:id` path parameter, or `undefined` (no such draft, or a bad id). */
export async function loadDraftContext(
  deps: AdminDeps,
  c: Context,
): Promise<DraftContext | undefined> {
  const id = c.req.param("id") ?? "";
  if (!isUuid(id)) return undefined;
  const draft = await findDraft(deps.db, id);
  if (!draft) return undefined;
  return {
    draft,
    findings: reviewedFindings(draft.content_hash, draft.document),
    activeVersion: deps.ruleset.current.version,
  };
}
