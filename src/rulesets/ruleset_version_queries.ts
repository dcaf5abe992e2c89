import type { Queryable } from "../db/database.ts";
import type { RulesetDocument } from "../routing/ruleset.ts";
import type { RulesetVersion } from "./ruleset_version_repository.ts";

/** A version without its document, for lists. */
export type RulesetVersionMeta = Omit<RulesetVersion, "document"> & { active: boolean };

/** Every stored version, newest first, with which one is active. */
export async function listVersions(db: Queryable): Promise<RulesetVersionMeta[]> {
  const [rows, active] = await Promise.all([
    db.selectFrom("ruleset_versions")
      .select(["version", "content_hash", "author", "note", "created_at"])
      .orderBy("version", "desc")
      .execute(),
    db.selectFrom("active_ruleset").select("version").executeTakeFirst(),
  ]);
  return rows.map((row) => ({ ...row, active: row.version === active?.version }));
}

/** One stored version, or `undefined`. */
export async function findVersion(
  db: Queryable,
  version: number,
): Promise<RulesetVersion | undefined> {
  const row = await db.selectFrom("ruleset_versions").selectAll().where("version", "=", version)
    .executeTakeFirst();
  return row && { ...row, document: row.document as RulesetDocument };
}

/** When and by whom the active version was activated, with the version. */
export async function findActivation(
  db: Queryable,
): Promise<{ version: number; activated_at: Date; activated_by: string } | undefined> {
  return await db.selectFrom("active_ruleset")
    .select(["version", "activated_at", "activated_by"])
    .executeTakeFirst();
}
