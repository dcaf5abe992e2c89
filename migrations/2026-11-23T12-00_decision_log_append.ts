// deno-lint-ignore-file no-explicit-any
import { type Kysely, sql } from "kysely";

/**
 * `decision_log_append(entries jsonb)`: extends the decision-log hash chain inside the
 * database, so that a writer holds the chain lock for one statement and its commit instead of
 * three round trips (lock, read the head, insert) and the commit.
 *
 * `entries` is a JSON array of decisions, each with the log's columns (without `seq`,
 * `prev_hash`, `hash`) and `body`: the canonical JSON text `hashDecision()` hashes, without
 * `seq` (src/audit/append_decisions.ts computes it). Under the transaction-scoped advisory lock
 * that every writer of every instance takes (key 0x57686973, "Whis"), the function reads the
 * head, numbers the entries in order and hashes each as
 * `sha256(prev_hash || '\n' || body without its closing brace || ',"seq":' || seq || '}')`,
 * exactly `hashDecision(prev_hash, seq, entry)`; `deno task audit:verify` re-checks every link
 * in TypeScript. The lock is released at commit.
 *
 * VOLATILE (the default), so that each statement inside takes a fresh snapshot: the head is
 * read after the lock is held, even when the call is part of a larger statement.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function decision_log_append(entries jsonb)
    returns table (seq bigint, prev_hash text, hash text)
    language plpgsql as $fn$
    declare
      head_seq bigint;
      head_hash text;
      entry jsonb;
      seqs bigint[] := '{}';
      prevs text[] := '{}';
      hashes text[] := '{}';
    begin
      if entries is null or jsonb_array_length(entries) = 0 then
        return;
      end if;
      perform pg_advisory_xact_lock(1466460531);
      select d.seq, d.hash into head_seq, head_hash
        from decision_log d order by d.seq desc limit 1;
      head_seq := coalesce(head_seq, 0);
      head_hash := coalesce(head_hash, repeat('0', 64));
      for entry in select value from jsonb_array_elements(entries) loop
        head_seq := head_seq + 1;
        prevs := prevs || head_hash;
        head_hash := encode(sha256(convert_to(
          head_hash || E'\n' || left(entry->>'body', -1) || ',"seq":' || head_seq || '}',
          'UTF8')), 'hex');
        seqs := seqs || head_seq;
        hashes := hashes || head_hash;
      end loop;
      insert into decision_log (seq, case_id, kind, ruleset_version, ruleset_hash,
          matched_rules, facts, outcome, reason, actor, request_id, created_at, prev_hash, hash)
        select c.seq, (e->>'case_id')::uuid, e->>'kind', (e->>'ruleset_version')::integer,
            e->>'ruleset_hash', e->'matched_rules', e->'facts', e->'outcome', e->'reason',
            e->>'actor', e->>'request_id', (e->>'created_at')::timestamptz, c.prev_hash, c.hash
          from jsonb_array_elements(entries) with ordinality as x(e, n)
          join unnest(seqs, prevs, hashes) with ordinality as c(seq, prev_hash, hash, n)
            using (n);
      return query select u.s, u.p, u.h from unnest(seqs, prevs, hashes) as u(s, p, h)
        order by u.s;
    end
    $fn$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function decision_log_append(jsonb)`.execute(db);
}
