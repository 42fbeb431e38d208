-- Job status and metrics on a table with 1,000,000 finished runs: see docs/benchmarks.md.
-- The prepared statements are those of JobStatusReads and JobMetricsReads, as the application
-- sends them. Each runs 5 times as is, then is explained with a custom and with a generic plan
-- (the plan PostgreSQL may settle on for a statement the driver has prepared on the server).
\set QUIET on

-- 1,000,000 finished runs of 10 tasks and 100 teams over the last 30 days, plus 10,000 queued
-- and 50 executing.
INSERT INTO engine.runs (id, task_id, queue, status, team_id, payload, attempts, attempt, max_attempts,
                         run_at, created_at, started_at, finished_at)
SELECT gen_random_uuid(), 'task-' || (g % 10), 'task-' || (g % 10),
       CASE WHEN g % 50 = 0 THEN 'TIMED_OUT' WHEN g % 12 = 0 THEN 'FAILED' ELSE 'COMPLETED' END,
       ('00000000-0000-0000-0000-' || lpad((g % 100)::text, 12, '0'))::uuid,
       '{}', CASE WHEN g % 12 = 0 OR g % 50 = 0
                  THEN '[{"type": "java.lang.IllegalStateException", "message": "boom"}]'::jsonb
                  ELSE '[]' END,
       1, 3, s, s, s, s + (random() * 60 + 0.1) * interval '1 second'
FROM generate_series(1, 1000000) g,
     LATERAL (SELECT now() - (g / 1000000.0) * interval '30 days' AS s) t;
INSERT INTO engine.runs (id, task_id, queue, status, team_id, payload, max_attempts, run_at)
SELECT gen_random_uuid(), 'task-' || (g % 10), 'task-' || (g % 10), 'QUEUED',
       ('00000000-0000-0000-0000-' || lpad((g % 100)::text, 12, '0'))::uuid, '{}', 3,
       now() + (g % 600) * interval '1 second'
FROM generate_series(1, 10000) g;
INSERT INTO engine.runs (id, task_id, queue, status, team_id, payload, attempt, max_attempts, run_at,
                         started_at, lease_owner, lease_expires_at)
SELECT gen_random_uuid(), 'task-' || (g % 10), 'task-' || (g % 10), 'EXECUTING',
       ('00000000-0000-0000-0000-' || lpad((g % 100)::text, 12, '0'))::uuid, '{}', 1, 3, now(),
       now() - g * interval '1 second', 'bench', now() + interval '1 hour'
FROM generate_series(1, 50) g;
VACUUM ANALYZE engine.runs;
PREPARE status_all(text[]) AS
WITH active AS (
    SELECT r.task_id, count(*) FILTER (WHERE r.status = 'QUEUED') AS queued,
           count(*) FILTER (WHERE r.status = 'EXECUTING') AS executing,
           min(r.run_at) FILTER (WHERE r.status = 'QUEUED') AS next_run_at
    FROM (SELECT r.task_id, r.status, r.run_at FROM engine.runs r
          WHERE r.status = 'QUEUED'
          UNION ALL
          SELECT r.task_id, r.status, r.run_at FROM engine.runs r
          WHERE r.status = 'EXECUTING') r
    GROUP BY r.task_id)
SELECT t.task_id, a.queued, a.executing, a.next_run_at,
       x.id AS x_id, x.started_at AS x_started_at,
       f.id AS f_id, f.status AS f_status, f.started_at AS f_started_at,
       f.finished_at AS f_finished_at,
       e.id AS e_id, e.finished_at AS e_finished_at, e.error ->> 'type' AS e_type,
       e.error ->> 'message' AS e_message
FROM unnest($1::text[]) AS t(task_id)
LEFT JOIN active a ON a.task_id = t.task_id
LEFT JOIN LATERAL (
    SELECT r.id, r.started_at FROM engine.runs r
    WHERE r.task_id = t.task_id AND r.status = 'EXECUTING'
    ORDER BY r.started_at DESC LIMIT 1) x ON true
LEFT JOIN LATERAL (
    SELECT r.id, r.status, r.started_at, r.finished_at FROM engine.runs r
    WHERE r.task_id = t.task_id AND r.finished_at IS NOT NULL
      AND r.status IN ('COMPLETED', 'FAILED', 'TIMED_OUT')
    ORDER BY r.finished_at DESC LIMIT 1) f ON true
LEFT JOIN LATERAL (
    SELECT r.id, r.finished_at, r.attempts -> -1 AS error FROM engine.runs r
    WHERE r.id = (SELECT l.id FROM engine.runs l
                  WHERE l.task_id = t.task_id AND l.status IN ('FAILED', 'TIMED_OUT')
                  ORDER BY l.finished_at DESC LIMIT 1)) e ON true
ORDER BY t.task_id;
PREPARE status_team(uuid, uuid, text[], uuid, uuid, uuid) AS
WITH active AS (
    SELECT r.task_id, count(*) FILTER (WHERE r.status = 'QUEUED') AS queued,
           count(*) FILTER (WHERE r.status = 'EXECUTING') AS executing,
           min(r.run_at) FILTER (WHERE r.status = 'QUEUED') AS next_run_at
    FROM (SELECT r.task_id, r.status, r.run_at FROM engine.runs r
          WHERE r.status = 'QUEUED' AND r.team_id = $1
          UNION ALL
          SELECT r.task_id, r.status, r.run_at FROM engine.runs r
          WHERE r.status = 'EXECUTING' AND r.team_id = $2) r
    GROUP BY r.task_id)
SELECT t.task_id, a.queued, a.executing, a.next_run_at,
       x.id AS x_id, x.started_at AS x_started_at,
       f.id AS f_id, f.status AS f_status, f.started_at AS f_started_at,
       f.finished_at AS f_finished_at,
       e.id AS e_id, e.finished_at AS e_finished_at, e.error ->> 'type' AS e_type,
       e.error ->> 'message' AS e_message
FROM unnest($3::text[]) AS t(task_id)
LEFT JOIN active a ON a.task_id = t.task_id
LEFT JOIN LATERAL (
    SELECT r.id, r.started_at FROM engine.runs r
    WHERE r.task_id = t.task_id AND r.status = 'EXECUTING' AND r.team_id = $4
    ORDER BY r.started_at DESC LIMIT 1) x ON true
LEFT JOIN LATERAL (
    SELECT r.id, r.status, r.started_at, r.finished_at FROM engine.runs r
    WHERE r.task_id = t.task_id AND r.finished_at IS NOT NULL
      AND r.status IN ('COMPLETED', 'FAILED', 'TIMED_OUT') AND r.team_id = $5
    ORDER BY r.finished_at DESC LIMIT 1) f ON true
LEFT JOIN LATERAL (
    SELECT r.id, r.finished_at, r.attempts -> -1 AS error FROM engine.runs r
    WHERE r.id = (SELECT l.id FROM engine.runs l
                  WHERE l.task_id = t.task_id AND l.status IN ('FAILED', 'TIMED_OUT') AND l.team_id = $6
                  ORDER BY l.finished_at DESC LIMIT 1)) e ON true
ORDER BY t.task_id;
PREPARE metrics_all(text[], timestamptz, timestamptz) AS
SELECT r.task_id, grouping(r.task_id) = 1 AS total, count(*) AS executions,
       count(*) FILTER (WHERE r.status = 'COMPLETED') AS successes,
       round(extract(epoch FROM avg(r.finished_at - r.started_at)) * 1000) AS average_ms,
       round(extract(epoch FROM percentile_cont(0.95)
           WITHIN GROUP (ORDER BY r.finished_at - r.started_at)) * 1000) AS p95_ms
FROM engine.runs r
WHERE r.task_id = ANY ($1) AND r.finished_at >= $2 AND r.finished_at <= $3
  AND r.status IN ('COMPLETED', 'FAILED', 'TIMED_OUT')
GROUP BY GROUPING SETS ((r.task_id), ());
PREPARE metrics_team(text[], timestamptz, timestamptz, uuid) AS
SELECT r.task_id, grouping(r.task_id) = 1 AS total, count(*) AS executions,
       count(*) FILTER (WHERE r.status = 'COMPLETED') AS successes,
       round(extract(epoch FROM avg(r.finished_at - r.started_at)) * 1000) AS average_ms,
       round(extract(epoch FROM percentile_cont(0.95)
           WITHIN GROUP (ORDER BY r.finished_at - r.started_at)) * 1000) AS p95_ms
FROM engine.runs r
WHERE r.task_id = ANY ($1) AND r.finished_at >= $2 AND r.finished_at <= $3
  AND r.status IN ('COMPLETED', 'FAILED', 'TIMED_OUT') AND r.team_id = $4
GROUP BY GROUPING SETS ((r.task_id), ());

\timing on
\o /dev/null
\echo status, every team
EXECUTE status_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}');
EXECUTE status_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}');
EXECUTE status_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}');
EXECUTE status_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}');
EXECUTE status_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}');
\echo status, one team
EXECUTE status_team('00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042');
EXECUTE status_team('00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042');
EXECUTE status_team('00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042');
EXECUTE status_team('00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042');
EXECUTE status_team('00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042');
\echo metrics 24h, every team
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now());
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now());
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now());
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now());
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now());
\echo metrics 24h, one team
EXECUTE metrics_team('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now(), '00000000-0000-0000-0000-000000000042');
EXECUTE metrics_team('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now(), '00000000-0000-0000-0000-000000000042');
EXECUTE metrics_team('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now(), '00000000-0000-0000-0000-000000000042');
EXECUTE metrics_team('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now(), '00000000-0000-0000-0000-000000000042');
EXECUTE metrics_team('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now(), '00000000-0000-0000-0000-000000000042');
\echo metrics 7d, every team
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '7 days', now());
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '7 days', now());
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '7 days', now());
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '7 days', now());
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '7 days', now());
\echo metrics 30d, every team
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '30 days', now());
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '30 days', now());
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '30 days', now());
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '30 days', now());
EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '30 days', now());
\o
\timing off
SET plan_cache_mode = force_custom_plan;
\echo status, every team, force_custom_plan
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE status_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}');
\echo status, one team, force_custom_plan
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE status_team('00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042');
\echo metrics 24h, every team, force_custom_plan
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now());
\echo metrics 24h, one team, force_custom_plan
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE metrics_team('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now(), '00000000-0000-0000-0000-000000000042');
\echo metrics 7d, every team, force_custom_plan
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '7 days', now());
\echo metrics 30d, every team, force_custom_plan
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '30 days', now());
SET plan_cache_mode = force_generic_plan;
\echo status, every team, force_generic_plan
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE status_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}');
\echo status, one team, force_generic_plan
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE status_team('00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042', '00000000-0000-0000-0000-000000000042');
\echo metrics 24h, every team, force_generic_plan
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now());
\echo metrics 24h, one team, force_generic_plan
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE metrics_team('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '24 hours', now(), '00000000-0000-0000-0000-000000000042');
\echo metrics 7d, every team, force_generic_plan
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '7 days', now());
\echo metrics 30d, every team, force_generic_plan
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE metrics_all('{task-0,task-1,task-2,task-3,task-4,task-5,task-6,task-7,task-8,task-9,never-ran}', now() - interval '30 days', now());
RESET plan_cache_mode;
