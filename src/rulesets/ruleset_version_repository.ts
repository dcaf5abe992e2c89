import type { Queryable } from "../db/database.ts";
import { jsonb } from "../db/jsonb.ts";
import type { RulesetDocument } from "../routing/ruleset.ts";

/** A stored, immutable ruleset version. */
export interface RulesetVersion {
  version: number;
  content_hash: string;
  document: RulesetDocument;
  author: string;
  note: string;
  created_at: Date;
}

/** The active version, or `undefined` in an empty database. */
export async function findActiveVersion(db: Queryable): Promise<RulesetVersion | undefined> {
  const row = await db
    .selectFrom("active_ruleset")
    .innerJoin("ruleset_versions", "ruleset_versions.version", "active_ruleset.version")
    .selectAll("ruleset_versions")
    .executeTakeFirst();
  return row && { ...row, document: row.document as RulesetDocument };
}

/** The number of the active version (a cheap check for other instances' publishes). */
export async function activeVersionNumber(db: Queryable): Promise<number | undefined> {
  const row = await db.selectFrom("active_ruleset").select("version").executeTakeFirst();
  return row?.version;
}

/** Stores a new version with the next number and returns it. */
export async function insertRulesetVersion(
  db: Queryable,
  version: Omit<RulesetVersion, "version">,
): Promise<RulesetVersion> {
  const last = await db
    .selectFrom("ruleset_versions")
    .select((eb) => eb.fn.max("version").as("max"))
    .executeTakeFirst();
  const next = Number(last?.max ?? 0) + 1;
  await db
    .insertInto("ruleset_versions")
    .values({
      version: next,
      content_hash: version.content_hash,
      document: jsonb(version.document),
      author: version.author,
      note: version.note,
      created_at: version.created_at,
    })
    .execute();
  return { ...version, version: next };
}

/** Makes a version the active one. */
export async function setActiveVersion(
  db: Queryable,
  version: number,
  by: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto("active_ruleset")
    .values({ id: 1, version, activated_at: at, activated_by: by })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet({ version, activated_at: at, activated_by: by })
    )
    .execute();
}
