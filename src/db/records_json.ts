import type { RecordSet } from "./record_set.ts";

/**
 * The rows of a record set as the JSON text `jsonb_to_recordset` unpacks, with every `Date` in
 * a `timestamptz` column written as ISO 8601 text first. Not a detail: a single `Date` (whose
 * `toJSON` V8 must call) pushes `JSON.stringify` off its fast path, and intake rows full of
 * dates were serialized about ten times slower than the same rows holding strings. The rows of
 * a batch share few instants (a case's receipt, its deadlines), and `toISOString()` costs more
 * than a map lookup, so each instant is formatted once.
 *
 * @example
 * ```ts
 * import { recordsJson } from "./records_json.ts";
 * const json = recordsJson({
 *   table: "case_timers",
 *   columns: { kind: "text", due_at: "timestamptz" },
 *   rows: [{ kind: "warn_accept", due_at: new Date("2026-01-05T01:00:00Z") }],
 * });
 * json === '[{"kind":"warn_accept","due_at":"2026-01-05T01:00:00.000Z"}]'; // true
 * ```
 */
export function recordsJson(set: RecordSet, from = 0, to = set.rows.length): string {
  const stamps = Object.keys(set.columns).filter((name) => set.columns[name] === "timestamptz");
  const texts = new Map<number, string>();
  const rows: object[] = [];
  for (let i = from; i < to && i < set.rows.length; i++) {
    const row = set.rows[i] as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const name of stamps) {
      const value = row[name];
      if (value instanceof Date) {
        copy ??= { ...row };
        const time = value.getTime();
        let text = texts.get(time);
        if (text === undefined) {
          text = value.toISOString();
          texts.set(time, text);
        }
        copy[name] = text;
      }
    }
    rows.push(copy ?? row);
  }
  return JSON.stringify(rows);
}
