import type { ColumnType } from "kysely";

/** `open` while it is edited; `published` once it became a version (read-only from then on). */
export type DraftStatus = "open" | "published";

/**
 * A ruleset draft: a private working copy of a ruleset document, edited item by item, validated,
 * simulated, then published as a new version. Not in force until published.
 */
export interface RulesetDraftTable {
  id: string;
  /** The version it was made from; `null` when made from files or a posted document. */
  base_version: number | null;
  /** The working document (shape-valid; may have semantic errors until published). */
  document: ColumnType<unknown, string, string>;
  /** SHA-256 of the document's canonical JSON (as versions' `content_hash`). */
  content_hash: string;
  note: string;
  status: DraftStatus;
  /** Bumped by every edit, so clients can tell they look at the latest. */
  revision: number;
  author: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
  published_version: number | null;
  published_at: Date | null;
}
