import { type RawBuilder, sql } from "kysely";

/**
 * A value for a jsonb column that every driver stores the same way: sent as text and cast by
 * the server (postgres.js would store a pre-serialized string as a JSON string; node-postgres
 * would turn a bare array into a PostgreSQL array).
 */
export function jsonb(value: unknown): RawBuilder<string> {
  return sql<string>`cast(${JSON.stringify(value)}::text as jsonb)`;
}
