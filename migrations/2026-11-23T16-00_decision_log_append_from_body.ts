// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * `decision_log_append(entries jsonb)` reads the log's columns from each entry's `body` (the
 * canonical JSON text it hashes) instead of from separate fields, so a writer sends each value
 * once: the decisions were half of an intake batch's parameter. The chain is unchanged (same
 * lock, same head, same hash of `prev_hash || '\n' || body without its closing brace ||
 * ',"seq":' || seq || '}'`); entries written the old way (fields and `body`) still work, since
 * they carry the same body. See migration 2026-11-23T12-00 for the rest of the contract.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function decision_log_append(entries jsonb)
    returns table (seq bigint, prev_hash text, hash text)
    language plpgsql as $fn$
    declare
      head_seq bigint;
      head_hash text;
      bodies text[];
      parsed jsonb[];
      seqs bigint[] := '{}';
      prevs text[] := '{}';
      hashes text[] := '{}';
    begin
      -- Parsed before the lock is taken: other writers wait only for the hashing and insert.
      select array_agg(x.e->>'body' order by x.n), array_agg((x.e->>'body')::jsonb order by x.n)
        into bodies, parsed
        from jsonb_array_elements(entries) with ordinality as x(e, n);
      if bodies is null then
        return;
      end if;
      perform pg_advisory_xact_lock(1466460531);
      select d.seq, d.hash into head_seq, head_hash
        from decision_log d order by d.seq desc limit 1;
      head_seq := coalesce(head_seq, 0);
      head_hash := coalesce(head_hash, repeat('0', 64));
      for i in 1 .. array_length(bodies, 1) loop
        head_seq := head_seq + 1;
        seqs[i] := head_seq;
        prevs[i] := head_hash;
        head_hash := encode(sha256(convert_to(
          head_hash || E'\n' || left(bodies[i], -1) || ',"seq":' || head_seq || '}',
          'UTF8')), 'hex');
        hashes[i] := head_hash;
      end loop;
      insert into decision_log (seq, case_id, kind, ruleset_version, ruleset_hash,
          matched_rules, facts, outcome, reason, actor, request_id, created_at, prev_hash, hash)
        select c.seq, (b->>'case_id')::uuid, b->>'kind', (b->>'ruleset_version')::integer,
            b->>'ruleset_hash', b->'matched_rules', b->'facts', b->'outcome', b->'reason',
            b->>'actor', b->>'request_id', (b->>'created_at')::timestamptz, c.prev_hash, c.hash
          from unnest(seqs, prevs, hashes, parsed) as c(seq, prev_hash, hash, b);
      return query select u.s, u.p, u.h from unnest(seqs, prevs, hashes) as u(s, p, h)
        order by u.s;
    end
    $fn$`.execute(db);
}

/** Back to the definition of 2026-11-23T12-00 (columns from the entry's own fields). */
export async function down(db: Kysely<any>): Promise<void> {
  const previous = await import("./2026-11-23T12-00_decision_log_append.ts");
  await sql`drop function decision_log_append(jsonb)`.execute(db);
  await previous.up(db);
}
