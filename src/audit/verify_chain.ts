import type { Queryable } from "../db/database.ts";
import { GENESIS_HASH, type LoggedDecision } from "./decision_entry.ts";
import { hashDecision } from "./hash_decision.ts";
import { toLoggedDecision } from "./to_logged_decision.ts";

/** What is wrong at the first broken link. */
export type ChainProblem =
  /** Entries are missing: `seq` is the first missing one. */
  | "gap"
  /** The entry's content does not give its stored hash: it was edited after it was logged. */
  | "hash_mismatch"
  /**
   * The entry's `prev_hash` is not the previous entry's hash: the previous entry was replaced
   * (edited and its hash recomputed) or this link was edited.
   */
  | "prev_hash_mismatch";

/** The first broken link. */
export interface ChainBreak {
  seq: number;
  problem: ChainProblem;
  /** In words, with the values that disagree. */
  message: string;
  expected: string | number;
  found: string | number;
  /** For `prev_hash_mismatch`: the entry that was most likely replaced (the one before). */
  suspect_seq?: number;
}

/** Progress of a long verification. */
export interface VerifyProgress {
  checked: number;
  last_seq: number;
  rows_per_second: number;
}

/** What a verification found. */
export interface ChainVerification {
  intact: boolean;
  /** Entries checked. */
  checked: number;
  first_seq: number | null;
  last_seq: number | null;
  /**
   * The hash of the last entry checked. Written down somewhere else (a report, a ticket), it
   * lets a later verification prove that nothing was cut off the end of the log either.
   */
  last_hash: string | null;
  /** False when `maxRows` stopped the walk before the head; continue from `next_after_seq`. */
  complete: boolean;
  next_after_seq: number | null;
  broken: ChainBreak | null;
  elapsed_ms: number;
}

/** How to verify. */
export interface VerifyOptions {
  /** Start after this `seq`, trusting its stored hash (default 0: the whole chain). */
  afterSeq?: number;
  /** Check at most this many entries. */
  maxRows?: number;
  /** Rows per query (default 500): what bounds memory. */
  pageSize?: number;
  /** Called every `progressEvery` rows (default 100,000). */
  onProgress?: (progress: VerifyProgress) => void;
  progressEvery?: number;
}

async function page(db: Queryable, after: number, limit: number): Promise<LoggedDecision[]> {
  const rows = await db.selectFrom("decision_log").selectAll().where("seq", ">", after)
    .orderBy("seq").limit(limit).execute();
  return rows.map(toLoggedDecision);
}

/**
 * Walks the decision log's hash chain in `seq` order and reports the first broken link. For each
 * entry it checks that `seq` follows the previous one (no gap), that `prev_hash` is the previous
 * entry's hash, and that {@link hashDecision} over the stored content gives the stored `hash`.
 *
 * Pages of `pageSize` rows are read by keyset (the next page is fetched while this one is
 * hashed), so memory stays bounded whatever the size of the log. What verification cannot see
 * on its own: entries cut off the end of the log (compare `last_hash` with one recorded
 * earlier) and a rewrite of the whole chain from some entry on by someone who also recomputes
 * every later hash (the same: keep earlier `last_hash`es outside the database).
 *
 * @example
 * ```ts ignore
 * const result = await verifyChain(db, { onProgress: (p) => console.error(p.checked) });
 * if (!result.intact) console.log(`broken at ${result.broken?.seq}: ${result.broken?.message}`);
 * ```
 */
export async function verifyChain(
  db: Queryable,
  options: VerifyOptions = {},
): Promise<ChainVerification> {
  const started = performance.now();
  const pageSize = options.pageSize ?? 500;
  const progressEvery = options.progressEvery ?? 100_000;
  const maxRows = options.maxRows ?? Infinity;
  const afterSeq = options.afterSeq ?? 0;

  let checked = 0;
  let firstSeq: number | null = null;
  let lastSeq: number | null = null;
  let lastHash: string | null = null;
  let broken: ChainBreak | null = null;
  let nextProgress = progressEvery;
  const result = (complete: boolean): ChainVerification => ({
    intact: broken === null,
    checked,
    first_seq: firstSeq,
    last_seq: lastSeq,
    last_hash: lastHash,
    complete: complete || broken !== null,
    next_after_seq: complete || broken !== null ? null : lastSeq,
    broken,
    elapsed_ms: Math.round(performance.now() - started),
  });

  let prevHash = GENESIS_HASH;
  let expectedSeq = afterSeq + 1;
  if (afterSeq > 0) {
    const anchor = await db.selectFrom("decision_log").select("hash").where("seq", "=", afterSeq)
      .executeTakeFirst();
    if (!anchor) {
      broken = {
        seq: afterSeq,
        problem: "gap",
        message: `Entry ${afterSeq}, where the verification was asked to start, is missing`,
        expected: afterSeq,
        found: "nothing",
      };
      return result(true);
    }
    prevHash = anchor.hash;
  }

  let remaining = maxRows;
  let limit = Math.min(pageSize, remaining);
  let pending = page(db, afterSeq, limit);
  while (true) {
    const rows = await pending;
    if (rows.length === 0) return result(true);
    const reachedHead = rows.length < limit;
    remaining -= rows.length;
    const more = !reachedHead && remaining > 0;
    if (more) {
      // Fetch the next page while this one is hashed.
      limit = Math.min(pageSize, remaining);
      pending = page(db, rows[rows.length - 1].seq, limit);
    }
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        const missing = row.seq - expectedSeq;
        broken = {
          seq: expectedSeq,
          problem: "gap",
          message: missing === 1
            ? `Entry ${expectedSeq} is missing (the next entry is ${row.seq})`
            : `Entries ${expectedSeq}–${row.seq - 1} are missing (${missing} entries)`,
          expected: expectedSeq,
          found: row.seq,
        };
      } else if (row.prev_hash !== prevHash) {
        broken = {
          seq: row.seq,
          problem: "prev_hash_mismatch",
          message: `Entry ${row.seq} does not link to entry ${row.seq - 1}: its prev_hash is not ` +
            `that entry's hash (entry ${row.seq - 1} was replaced, or this link was edited)`,
          expected: prevHash,
          found: row.prev_hash,
          suspect_seq: row.seq - 1,
        };
      } else {
        const hash = hashDecision(row.prev_hash, row.seq, row);
        if (hash !== row.hash) {
          broken = {
            seq: row.seq,
            problem: "hash_mismatch",
            message: `Entry ${row.seq} was changed after it was logged: its content does not ` +
              `give its stored hash`,
            expected: hash,
            found: row.hash,
          };
        }
      }
      if (broken) {
        if (more) await pending.catch(() => {});
        return result(true);
      }
      checked += 1;
      firstSeq ??= row.seq;
      lastSeq = row.seq;
      lastHash = row.hash;
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
    }
    if (options.onProgress && checked >= nextProgress) {
      nextProgress = checked + progressEvery;
      const seconds = (performance.now() - started) / 1000;
      options.onProgress({
        checked,
        last_seq: lastSeq ?? 0,
        rows_per_second: Math.round(checked / Math.max(seconds, 1e-3)),
      });
    }
    if (!more) return result(reachedHead);
  }
}
