import type { Kysely } from "kysely";
import type { Database } from "../db/database.ts";
import { type CompiledRuleset, compileRuleset } from "../routing/compile_ruleset.ts";
import { activeVersionNumber, findActiveVersion } from "./ruleset_version_repository.ts";

/**
 * The compiled active ruleset of this instance. `current` is what every decision uses;
 * `refresh()` recompiles when the database names another active version.
 */
export class ActiveRuleset {
  #current: CompiledRuleset;

  private constructor(current: CompiledRuleset, private readonly db: Kysely<Database>) {
    this.#current = current;
  }

  /** Loads and compiles the active version; the database must have one. */
  static async load(db: Kysely<Database>): Promise<ActiveRuleset> {
    const version = await findActiveVersion(db);
    if (!version) throw new Error("The database has no active ruleset version");
    return new ActiveRuleset(
      compileRuleset(version.document, { version: version.version, hash: version.content_hash }),
      db,
    );
  }

  /** The ruleset in force on this instance. */
  get current(): CompiledRuleset {
    return this.#current;
  }

  /** Re-reads the active version; returns true when it changed. */
  async refresh(): Promise<boolean> {
    const number = await activeVersionNumber(this.db);
    if (number === undefined || number === this.#current.version) return false;
    const version = await findActiveVersion(this.db);
    if (!version) return false;
    this.#current = compileRuleset(version.document, {
      version: version.version,
      hash: version.content_hash,
    });
    return true;
  }
}
