import type { Kysely } from "kysely";
import type { Database } from "../db/database.ts";
import { deleteDraft, findDraft } from "./ruleset_draft_repository.ts";

/**
 * Deletes an open draft and its simulations. A published draft is kept: it is the record of
 * what became a version.
 */
export async function discardDraft(
  db: Kysely<Database>,
  id: string,
): Promise<"deleted" | "not_found" | "published"> {
  return await db.transaction().execute(async (trx) => {
    const draft = await findDraft(trx, id, { forUpdate: true });
    if (!draft) return "not_found";
    if (draft.status !== "open") return "published";
    await deleteDraft(trx, id);
    return "deleted";
  });
}
