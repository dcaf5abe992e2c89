// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * The decision-log chain takes each decision as its canonical JSON text only:
 * `decision_log_append(bodies text[])` reads the log's columns from the body it hashes, so a
 * writer sends each value once and unescaped (intake sends the bodies as one text, one per
 * line: canonical JSON has no raw newline). The bodies are parsed before the chain lock is
 * taken; under it the function reads the head, numbers the bodies in order and hashes each as
 * `sha256(prev_hash || '\n' || body without its closing brace || ',"seq":' || seq || '}')`,
 * exactly `hashDecision(prev_hash, seq, entry)`, as migration 2026-11-23T12-00 did.
 *
 * The head is read under the lock by the primary key whatever the statistics say: a plan cached
 * while the log was nearly empty (statistics from an ANALYZE at install time) read the head with
 * a sequential scan and a sort, a cost that grew with the log until the next ANALYZE.
 *
 * `decision_log_append(entries jsonb)` stays, as the same chain: it passes each entry's `body`
 * on. Whistle itself now calls only the text[] form; the jsonb form serves instances of the
 * previous version still running during a rolling upgrade (their entries carry a body too).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function decision_log_append(bodies text[])
    returns table (seq bigint, prev_hash text, hash text)
    language plpgsql set enable_seqscan = off as $fn$
    declare
      head_seq bigint;
      head_hash text;
      parsed jsonb[];
      seqs bigint[] := '{}';
      prevs text[] := '{}';
      hashes text[] := '{}';
    begin
      if coalesce(cardinality(bodies), 0) = 0 then
        return;
      end if;
      -- Parsed before the lock: other writers wait only for the hashing, insert and commit.
      parsed := array(select u.b::jsonb from unnest(bodies) with ordinality as u(b, n)
        order by u.n);
      perform pg_advisory_xact_lock(1466460531);
      select d.seq, d.hash into head_seq, head_hash
        from decision_log d order by d.seq desc limit 1;
      head_seq := coalesce(head_seq, 0);
      head_hash := coalesce(head_hash, repeat('0', 64));
      for i in 1 .. cardinality(bodies) loop
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
  await sql`
    create or replace function decision_log_append(entries jsonb)
    returns table (seq bigint, prev_hash text, hash text)
    language sql as $fn$
      select * from decision_log_append(array(
        select x.e->>'body' from jsonb_array_elements(entries) with ordinality as x(e, n)
        order by x.n))
    $fn$`.execute(db);
}

/** Back to the definition of 2026-11-23T12-00 (columns from the entry's own fields). */
export async function down(db: Kysely<any>): Promise<void> {
  const previous = await import("./2026-11-23T12-00_decision_log_append.ts");
  await sql`drop function decision_log_append(jsonb)`.execute(db);
  await sql`drop function decision_log_append(text[])`.execute(db);
  await previous.up(db);
}
