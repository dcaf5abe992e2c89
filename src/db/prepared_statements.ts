import { createHash } from "node:crypto";
import type pg from "pg";

/** The comment that opts a statement into being prepared once per connection. */
export const PREPARED = "/* prepared */";

/**
 * A node-postgres pool whose clients prepare, once per connection, every statement whose text
 * starts with {@link PREPARED}: later runs skip parsing and planning. Meant for the few hot
 * statements whose text never varies (intake's batch write); every other query passes through
 * unchanged, so the number of prepared statements per connection stays fixed.
 *
 * @example
 * ```ts ignore
 * const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
 * await sql`${sql.raw(PREPARED)} select ${1}`.execute(db);
 * ```
 */
export function preparingPool(pool: pg.Pool): pg.Pool {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) {
      name = `whistle_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  const wrap = (client: pg.PoolClient): pg.PoolClient =>
    new Proxy(client, {
      get(target, key, receiver) {
        if (key !== "query") return Reflect.get(target, key, receiver);
        return (text: unknown, values?: unknown[]) =>
          typeof text === "string" && text.startsWith(PREPARED)
            ? target.query({ name: nameOf(text), text, values })
            : (target.query as (...args: unknown[]) => unknown)(text, values);
      },
    });
  return new Proxy(pool, {
    get(target, key, receiver) {
      if (key !== "connect") return Reflect.get(target, key, receiver);
      return async () => wrap(await target.connect());
    },
  });
}
