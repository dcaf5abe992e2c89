import type { Queryable } from "../db/database.ts";
import { jsonb } from "../db/jsonb.ts";
import type { DraftStatus } from "../db/tables/ruleset_draft_table.ts";
import type { RulesetDocument } from "../routing/ruleset.ts";

/** A ruleset draft: a private working copy, not in force until published. */
export interface RulesetDraft {
  id: string;
  base_version: number | null;
  document: RulesetDocument;
  content_hash: string;
  note: string;
  status: DraftStatus;
  revision: number;
  author: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
  published_version: number | null;
  published_at: Date | null;
}

/** A draft without its document, for lists. */
export type RulesetDraftMeta = Omit<RulesetDraft, "document">;

const META_COLUMNS = [
  "id",
  "base_version",
  "content_hash",
  "note",
  "status",
  "revision",
  "author",
  "created_at",
  "updated_by",
  "updated_at",
  "published_version",
  "published_at",
] as const;

/** Stores a new draft. */
export async function insertDraft(db: Queryable, draft: RulesetDraft): Promise<void> {
  await db.insertInto("ruleset_drafts")
    .values({ ...draft, document: jsonb(draft.document) })
    .execute();
}

/** One draft, or `undefined`; `forUpdate` locks its row until the transaction ends. */
export async function findDraft(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RulesetDraft | undefined> {
  let query = db.selectFrom("ruleset_drafts").selectAll().where("id", "=", id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && { ...row, document: row.document as RulesetDocument };
}

/** Drafts, most recently changed first. */
export async function listDrafts(
  db: Queryable,
  options: { status?: DraftStatus; limit: number },
): Promise<RulesetDraftMeta[]> {
  let query = db.selectFrom("ruleset_drafts").select(META_COLUMNS);
  if (options.status) query = query.where("status", "=", options.status);
  return await query.orderBy("updated_at", "desc").orderBy("id").limit(options.limit).execute();
}

/** Replaces a draft's document and bumps its revision. */
export async function updateDraftDocument(
  db: Queryable,
  id: string,
  change: { document: RulesetDocument; content_hash: string; updated_by: string; updated_at: Date },
): Promise<void> {
  await db.updateTable("ruleset_drafts")
    .set((eb) => ({
      document: jsonb(change.document),
      content_hash: change.content_hash,
      updated_by: change.updated_by,
      updated_at: change.updated_at,
      revision: eb("revision", "+", 1),
    }))
    .where("id", "=", id)
    .execute();
}

/** Marks a draft published as `version`; from then on it is read-only. */
export async function markDraftPublished(
  db: Queryable,
  id: string,
  version: number,
  by: string,
  at: Date,
): Promise<void> {
  await db.updateTable("ruleset_drafts")
    .set({ status: "published", published_version: version, published_at: at, updated_by: by })
    .where("id", "=", id)
    .execute();
}

/** Deletes a draft (and, by cascade, its simulations); true when there was one. */
export async function deleteDraft(db: Queryable, id: string): Promise<boolean> {
  const result = await db.deleteFrom("ruleset_drafts").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
