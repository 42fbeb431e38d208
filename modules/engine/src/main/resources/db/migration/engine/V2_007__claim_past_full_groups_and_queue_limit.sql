-- Claims no longer stall behind runs that cannot start, and a queue can be capped as a whole.
--
-- claim_runs took the first p_limit due runs and only then dropped those whose queue or key was at
-- its limit: when the oldest due runs all belonged to one saturated key, every claim picked the same
-- blocked rows and accepted none, and the runs of other keys and queues behind them never started.
-- It now finds the full queues and keys first and leaves their runs out of the scan.

-- NULL: no cap. Otherwise at most this many runs of the queue execute at once, whatever their keys.
ALTER TABLE engine.queues ADD COLUMN queue_limit int CHECK (queue_limit > 0);

-- Claims up to p_limit due runs for worker p_worker, leasing them for p_lease. Runs of paused
-- queues are skipped. In a queue with a concurrency limit, runs without a key count against the
-- queue and runs with a key against their (queue, key); a queue with a queue limit also counts all
-- its runs together. Full queues and keys are read first, without locks, and their runs are left
-- out of the scan. That read may be stale, so the candidates are checked again under an advisory
-- lock per capped queue and per limited key, all taken in ascending order so that claimers never
-- deadlock: whoever holds a lock sees every run that an earlier holder claimed.
CREATE OR REPLACE FUNCTION engine.claim_runs(p_worker text, p_limit int, p_lease interval)
RETURNS TABLE (id uuid, task_id text, payload text, attempt int, max_attempts int, team_id uuid,
               trace_parent text, run_at timestamptz, started_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
    v_full_queues text[];
    v_full_groups text[];
    v_nothing_full boolean;
    v_ids uuid[];
    v_queues text[];
    v_keys text[];
    v_limits int[];
    v_caps int[];
    v_accepted uuid[];
    v_lock bigint;
BEGIN
    -- A group is written as its queue, followed by E'\x1f' and its key when it has one. Only the
    -- queues with a limit are counted, over the few runs that execute (runs_executing).
    SELECT coalesce(array_agg(f.name) FILTER (WHERE f.whole), '{}'),
           coalesce(array_agg(f.name) FILTER (WHERE NOT f.whole), '{}')
    INTO v_full_queues, v_full_groups
    FROM (
        SELECT q.name, true AS whole
        FROM engine.queues q
        WHERE q.paused
           OR (q.queue_limit IS NOT NULL
               AND q.queue_limit <= (SELECT count(*) FROM engine.runs e
                                     WHERE e.status = 'EXECUTING' AND e.queue = q.name))
        UNION ALL
        SELECT q.name || coalesce(E'\x1f' || g.key, ''), false
        FROM engine.queues q
        CROSS JOIN LATERAL (
            SELECT e.concurrency_key AS key
            FROM engine.runs e
            WHERE e.status = 'EXECUTING' AND e.queue = q.name
            GROUP BY e.concurrency_key
            HAVING count(*) >= q.concurrency_limit
        ) g
        WHERE q.concurrency_limit IS NOT NULL
    ) f;
    v_nothing_full := cardinality(v_full_queues) = 0 AND cardinality(v_full_groups) = 0;

    SELECT array_agg(c.id ORDER BY c.priority DESC, c.run_at, c.id),
           array_agg(c.queue ORDER BY c.priority DESC, c.run_at, c.id),
           array_agg(c.concurrency_key ORDER BY c.priority DESC, c.run_at, c.id),
           array_agg(q.concurrency_limit ORDER BY c.priority DESC, c.run_at, c.id),
           array_agg(q.queue_limit ORDER BY c.priority DESC, c.run_at, c.id)
    INTO v_ids, v_queues, v_keys, v_limits, v_caps
    FROM (
        SELECT r.id, r.queue, r.concurrency_key, r.priority, r.run_at
        FROM engine.runs r
        WHERE r.status = 'QUEUED' AND r.run_at <= now()
          AND (r.expires_at IS NULL OR r.expires_at > now())
          -- A plain boolean in front: when nothing is full the comparisons drop out of the
          -- plan, and a plan made for any values still reads runs_claim in order. Without it,
          -- such a plan guesses that the arrays leave out nearly every row, and reads and sorts
          -- the whole table instead.
          AND (v_nothing_full
               OR (r.queue <> ALL (v_full_queues)
                   AND r.queue || coalesce(E'\x1f' || r.concurrency_key, '') <> ALL (v_full_groups)))
        ORDER BY r.priority DESC, r.run_at, r.id
        LIMIT p_limit
        FOR UPDATE OF r SKIP LOCKED
    ) c
    LEFT JOIN engine.queues q ON q.name = c.queue;

    IF v_ids IS NULL THEN
        RETURN;
    END IF;

    SELECT coalesce(array_agg(u.id), '{}') INTO v_accepted
    FROM unnest(v_ids, v_limits, v_caps) AS u(id, lim, cap)
    WHERE u.lim IS NULL AND u.cap IS NULL;

    IF cardinality(v_accepted) < cardinality(v_ids) THEN
        -- The key locks are those of V2_001; a queue's lock is its bare name's hash.
        FOR v_lock IN
            SELECT DISTINCT l.lock
            FROM unnest(v_queues, v_keys, v_limits, v_caps) AS u(queue, key, lim, cap)
            CROSS JOIN LATERAL (VALUES
                (CASE WHEN u.lim IS NOT NULL
                      THEN hashtextextended(u.queue || E'\x1f' || coalesce(u.key, ''), 0) END),
                (CASE WHEN u.cap IS NOT NULL THEN hashtextextended(u.queue, 0) END)) AS l(lock)
            WHERE l.lock IS NOT NULL
            ORDER BY l.lock
        LOOP
            PERFORM pg_advisory_xact_lock(v_lock);
        END LOOP;

        -- Under the locks, in claim order: a candidate takes a free place of its key, then of
        -- its queue. One turned away by its queue's cap frees nothing for later ones, so
        -- counting the key first and the queue among what the keys let through is exact.
        WITH candidate AS (
            SELECT u.id, u.queue, u.key, u.lim, u.cap, u.position,
                   row_number() OVER (PARTITION BY u.queue, u.key ORDER BY u.position) AS in_group
            FROM unnest(v_ids, v_queues, v_keys, v_limits, v_caps)
                 WITH ORDINALITY AS u(id, queue, key, lim, cap, position)
            WHERE u.lim IS NOT NULL OR u.cap IS NOT NULL
        ),
        group_running AS (
            SELECT g.queue, g.key,
                   (SELECT count(*) FROM engine.runs e
                    WHERE e.status = 'EXECUTING' AND e.queue = g.queue
                      AND e.concurrency_key IS NOT DISTINCT FROM g.key) AS running
            FROM (SELECT DISTINCT c.queue, c.key FROM candidate c WHERE c.lim IS NOT NULL) g
        ),
        queue_running AS (
            SELECT g.queue,
                   (SELECT count(*) FROM engine.runs e
                    WHERE e.status = 'EXECUTING' AND e.queue = g.queue) AS running
            FROM (SELECT DISTINCT c.queue FROM candidate c WHERE c.cap IS NOT NULL) g
        ),
        key_admitted AS (
            SELECT c.id, c.queue, c.cap, c.position,
                   row_number() OVER (PARTITION BY c.queue ORDER BY c.position) AS in_queue
            FROM candidate c
            LEFT JOIN group_running g ON g.queue = c.queue AND g.key IS NOT DISTINCT FROM c.key
            WHERE c.lim IS NULL OR c.in_group <= c.lim - g.running
        )
        SELECT v_accepted || coalesce(array_agg(k.id ORDER BY k.position), '{}')
        INTO v_accepted
        FROM key_admitted k
        LEFT JOIN queue_running q ON q.queue = k.queue
        WHERE k.cap IS NULL OR k.in_queue <= k.cap - q.running;
    END IF;

    PERFORM engine.notify_changed(v_accepted);

    RETURN QUERY
    UPDATE engine.runs r
    -- clock_timestamp(), not now(): this transaction may have waited on a lock while another
    -- run of the key or queue completed; the start is after that, not when the claim began.
    SET status = 'EXECUTING', attempt = r.attempt + 1, lease_owner = p_worker,
        lease_expires_at = clock_timestamp() + p_lease,
        started_at = coalesce(r.started_at, clock_timestamp()),
        updated_at = clock_timestamp()
    WHERE r.id = ANY (v_accepted)
    RETURNING r.id, r.task_id, r.payload::text, r.attempt, r.max_attempts, r.team_id,
              r.trace_parent, r.run_at, r.started_at;
END $$;
