-- pgbench baseline: the same rows as pg_one_tx_per_case.sql (case, lead assignment, two timers,
-- timeline entry, route decision), 100 cases per transaction.
BEGIN;
WITH c AS (
  INSERT INTO cases (id, source, external_id, type, title, description, area_code, grid_code,
    address, lat, lng, urgency, channel, reported_at, received_at, state, owner, priority,
    ruleset_version, accept_by, resolve_by, updated_at)
  SELECT gen_random_uuid(), 'pgbench', gen_random_uuid()::text, 'MT-MZJ-005', '楼道堆放杂物影响通行',
    '居民反映楼道堆放大量杂物，存在消防隐患，请尽快处理。', 'YG-S01', NULL, '云冈区新平旺街道3号楼',
    40.09, 113.14, 'normal', 'hotline', now(), now(), 'assigned', 'YG-MZJ', 'normal', 1,
    now() + interval '2 hours', now() + interval '2 days', now()
  FROM generate_series(1, 100)
  RETURNING id, received_at, accept_by, resolve_by
), a AS (
  INSERT INTO case_assignments (id, case_id, unit, role, state, assigned_at, accept_limit,
    resolve_limit, accept_counting, resolve_counting, accept_by, accept_warn_at, resolve_by,
    resolve_warn_at, resolve_by_original)
  SELECT gen_random_uuid(), c.id, 'YG-MZJ', 'lead', 'assigned', c.received_at, '2h', '2d',
    'calendar', 'calendar', c.accept_by, c.accept_by - interval '30 minutes', c.resolve_by,
    c.resolve_by - interval '12 hours', c.resolve_by
  FROM c
  RETURNING id, case_id, accept_by, accept_warn_at
), t AS (
  INSERT INTO case_timers (case_id, assignment_id, kind, due_at)
  SELECT a.case_id, a.id, 'accept_warn', a.accept_warn_at FROM a
  UNION ALL
  SELECT a.case_id, a.id, 'accept_due', a.accept_by FROM a
), e AS (
  INSERT INTO case_events (case_id, at, kind, actor, unit, note, public, data)
  SELECT c.id, c.received_at, 'assigned', 'token:load', 'YG-MZJ', NULL, false,
    '{"role":"lead","accept_by":"2026-11-23T04:00:00.000Z","resolve_by":"2026-11-25T02:00:00.000Z"}'
  FROM c
)
INSERT INTO decision_log (seq, case_id, kind, ruleset_version, ruleset_hash, matched_rules, facts,
  outcome, reason, actor, request_id, created_at, prev_hash, hash)
SELECT nextval('load_baseline_seq'), c.id, 'route', 1, md5('ruleset'), '[]',
  '{"type":"MT-MZJ-005","area_code":"YG-S01","urgency":"normal","channel":"hotline","source":"pgbench","text":"楼道堆放杂物影响通行\n居民反映楼道堆放大量杂物，存在消防隐患，请尽快处理。","reported_at":"2026-11-23T09:30:00+08:00"}',
  '{"owner":"YG-MZJ","list_owner":"YG-MZJ","fallback":false,"priority":"normal","deadlines":{"accept_by":"2026-11-23T04:00:00.000Z","resolve_by":"2026-11-25T02:00:00.000Z"}}',
  '{"zh":"准入清单：该事项由区民政局承办。","en":"Admission list: the matter is owned by the Civil Affairs Bureau."}',
  'token:load', NULL, now(), md5(random()::text) || md5(random()::text),
  md5(random()::text) || md5(random()::text)
FROM c;
COMMIT;
