import type { Queryable } from "../db/database.ts";
import { type CompiledRuleset, compileRuleset } from "../routing/compile_ruleset.ts";
import type { RulesetDocument } from "../routing/ruleset.ts";

/** A stored version, compiled, or why it cannot be. */
export type CompiledVersion =
  | { status: "compiled"; ruleset: CompiledRuleset }
  | { status: "not_found" }
  | { status: "not_compilable"; error: string };

/**
 * The last few ruleset versions replays used, compiled (least recently used goes first). A
 * version is keyed by its number and content hash, so one cache can serve several databases
 * and never hands out a stale compile. Looking a version up reads only its hash; the document
 * is read and compiled on a miss.
 *
 * @example
 * ```ts ignore
 * const cache = new CompiledVersionCache(8);
 * const found = await cache.get(db, 3);
 * if (found.status === "compiled") await decide(found.ruleset, facts, now);
 * ```
 */
export class CompiledVersionCache {
  readonly #entries = new Map<string, CompiledRuleset>();

  constructor(readonly capacity = 8) {}

  /** Compiled versions held now. */
  get size(): number {
    return this.#entries.size;
  }

  /** The compiled version `version` of the database `db`. */
  async get(db: Queryable, version: number): Promise<CompiledVersion> {
    const meta = await db.selectFrom("ruleset_versions").select("content_hash")
      .where("version", "=", version).executeTakeFirst();
    if (!meta) return { status: "not_found" };
    const key = `${version}:${meta.content_hash}`;
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return { status: "compiled", ruleset: hit };
    }
    const row = await db.selectFrom("ruleset_versions").select("document")
      .where("version", "=", version).executeTakeFirst();
    if (!row) return { status: "not_found" };
    let ruleset: CompiledRuleset;
    try {
      ruleset = compileRuleset(row.document as RulesetDocument, {
        version,
        hash: meta.content_hash,
      });
    } catch (error) {
      return { status: "not_compilable", error: String(error) };
    }
    this.#entries.set(key, ruleset);
    while (this.#entries.size > this.capacity) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    return { status: "compiled", ruleset };
  }
}
