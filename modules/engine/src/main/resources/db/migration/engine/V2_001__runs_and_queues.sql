-- The engine's schema: runs and queues. docs/engine.md explains the states and guarantees.
CREATE SCHEMA IF NOT EXISTS engine;

CREATE TABLE engine.queues (
    name              text PRIMARY KEY,
    -- NULL: unlimited. With a limit, runs that carry a concurrency key are limited per key.
    concurrency_limit int CHECK (concurrency_limit > 0),
    paused            boolean NOT NULL DEFAULT false,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE engine.runs (
    -- UUIDv7: time-ordered, so inserts stay at the right edge of the index and the id is the
    -- list cursor.
    id                     uuid PRIMARY KEY,
    task_id                text NOT NULL,
    queue                  text NOT NULL,
    status                 text NOT NULL CHECK (status IN
        ('QUEUED', 'EXECUTING', 'WAITING', 'COMPLETED', 'FAILED', 'CANCELED', 'TIMED_OUT', 'EXPIRED')),
    team_id                uuid,
    payload                jsonb NOT NULL,
    output                 jsonb,
    -- Every failed attempt: {attempt, startedAt, finishedAt, type, message, stackTrace}.
    attempts               jsonb NOT NULL DEFAULT '[]',
    attempt                int NOT NULL DEFAULT 0,
    max_attempts           int NOT NULL CHECK (max_attempts > 0),
    priority               int NOT NULL DEFAULT 0,
    run_at                 timestamptz NOT NULL,
    expires_at             timestamptz,
    concurrency_key        text,
    idempotency_key        text,
    idempotency_expires_at timestamptz,
    tags                   text[] NOT NULL DEFAULT '{}',
    metadata               jsonb NOT NULL DEFAULT '{}',
    progress               jsonb,
    parent_id              uuid,
    root_id                uuid,
    trace_parent           text,
    lease_owner            text,
    lease_expires_at       timestamptz,
    created_at             timestamptz NOT NULL DEFAULT now(),
    started_at             timestamptz,
    finished_at            timestamptz,
    updated_at             timestamptz NOT NULL DEFAULT now()
);

-- Claiming reads this index in order; it holds only what waits to run.
CREATE INDEX runs_claim ON engine.runs (priority DESC, run_at, id) WHERE status = 'QUEUED';
-- Concurrency counting and the rescuer read only what executes.
CREATE INDEX runs_executing ON engine.runs (queue, concurrency_key, lease_expires_at)
    WHERE status = 'EXECUTING';
-- Idempotency keys are per task and per team: one team's key never finds another team's run.
CREATE UNIQUE INDEX runs_idempotency ON engine.runs (task_id, team_id, idempotency_key)
    NULLS NOT DISTINCT WHERE idempotency_key IS NOT NULL;
CREATE INDEX runs_team ON engine.runs (team_id, id);
-- Only runs triggered with a TTL, for the expirer.
CREATE INDEX runs_expiring ON engine.runs (expires_at) WHERE status = 'QUEUED' AND expires_at IS NOT NULL;
-- For retention pruning.
CREATE INDEX runs_finished ON engine.runs (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX runs_task ON engine.runs (task_id, id);

-- Tells every node's event streams that these runs changed: ids go in chunks of 200, since a
-- notification's payload is limited to 8000 bytes.
CREATE FUNCTION engine.notify_changed(p_ids uuid[])
RETURNS void
LANGUAGE sql AS $$
    SELECT pg_notify('nightshift_run', string_agg(id::text, ','))
    FROM unnest(p_ids) WITH ORDINALITY AS u(id, position)
    GROUP BY (position - 1) / 200;
$$;

-- Inserts runs described by a JSON array in one round trip, honouring idempotency keys: an item
-- whose key names an unexpired run of the same task returns that run with cached = true. An
-- expired key is released first. Wakes idle workers of each queue with work due now.
CREATE FUNCTION engine.trigger_runs(p_items jsonb)
RETURNS TABLE (id uuid, cached boolean)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE engine.runs r SET idempotency_key = NULL
    FROM jsonb_to_recordset(p_items) AS i(task_id text, team_id uuid, idempotency_key text)
    WHERE i.idempotency_key IS NOT NULL
      AND r.task_id = i.task_id AND r.team_id IS NOT DISTINCT FROM i.team_id
      AND r.idempotency_key = i.idempotency_key
      AND r.idempotency_expires_at <= now();

    RETURN QUERY
    WITH items AS (
        SELECT i.*, e.position
        FROM jsonb_array_elements(p_items) WITH ORDINALITY AS e(item, position),
             jsonb_to_record(e.item) AS i(
                 id uuid, task_id text, queue text, team_id uuid, payload jsonb, max_attempts int,
                 priority int, run_at timestamptz, expires_at timestamptz, concurrency_key text,
                 idempotency_key text, idempotency_expires_at timestamptz, tags text[],
                 metadata jsonb, parent_id uuid, root_id uuid, trace_parent text)
    ),
    inserted AS (
        INSERT INTO engine.runs AS r (id, task_id, queue, status, team_id, payload, max_attempts,
            priority, run_at, expires_at, concurrency_key, idempotency_key,
            idempotency_expires_at, tags, metadata, parent_id, root_id, trace_parent)
        SELECT i.id, i.task_id, i.queue, 'QUEUED', i.team_id, i.payload, i.max_attempts,
            coalesce(i.priority, 0), coalesce(i.run_at, now()), i.expires_at, i.concurrency_key,
            i.idempotency_key, i.idempotency_expires_at, coalesce(i.tags, '{}'),
            coalesce(i.metadata, '{}'), i.parent_id, coalesce(i.root_id, i.id), i.trace_parent
        FROM items i
        ORDER BY i.position
        ON CONFLICT (task_id, team_id, idempotency_key) WHERE idempotency_key IS NOT NULL
            DO NOTHING
        RETURNING r.id, r.task_id, r.team_id, r.idempotency_key
    )
    -- An item not inserted names an existing run by its key: one from before this call, or one
    -- an earlier item of this call inserted (invisible to this statement's scan of the table).
    SELECT coalesce(mine.id, earlier.id, existing.id), mine.id IS NULL
    FROM items i
    LEFT JOIN inserted mine ON mine.id = i.id
    LEFT JOIN inserted earlier ON mine.id IS NULL
        AND earlier.task_id = i.task_id AND earlier.team_id IS NOT DISTINCT FROM i.team_id
        AND earlier.idempotency_key = i.idempotency_key
    LEFT JOIN engine.runs existing ON mine.id IS NULL AND earlier.id IS NULL
        AND existing.task_id = i.task_id AND existing.team_id IS NOT DISTINCT FROM i.team_id
        AND existing.idempotency_key = i.idempotency_key
    ORDER BY i.position;

    PERFORM pg_notify('nightshift_runs', q.queue)
    FROM (SELECT DISTINCT i.queue FROM jsonb_to_recordset(p_items) AS i(queue text, run_at timestamptz)
          WHERE i.run_at IS NULL OR i.run_at <= now()) q;
END $$;

-- Claims up to p_limit due runs for worker p_worker, leasing them for p_lease. Runs of paused
-- queues are skipped. In a queue with a concurrency limit, runs without a key count against the
-- queue and runs with a key against their (queue, key); the executing runs are counted under an
-- advisory lock per queue or key, taken in sorted order so that claimers never deadlock.
CREATE FUNCTION engine.claim_runs(p_worker text, p_limit int, p_lease interval)
RETURNS TABLE (id uuid, task_id text, payload text, attempt int, max_attempts int, team_id uuid,
               trace_parent text, run_at timestamptz, started_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
    v_ids uuid[];
    v_queues text[];
    v_keys text[];
    v_limits int[];
    v_accepted uuid[];
    v_group record;
    v_running int;
BEGIN
    SELECT array_agg(c.id ORDER BY c.priority DESC, c.run_at, c.id),
           array_agg(c.queue ORDER BY c.priority DESC, c.run_at, c.id),
           array_agg(c.concurrency_key ORDER BY c.priority DESC, c.run_at, c.id),
           array_agg(q.concurrency_limit ORDER BY c.priority DESC, c.run_at, c.id)
    INTO v_ids, v_queues, v_keys, v_limits
    FROM (
        SELECT r.id, r.queue, r.concurrency_key, r.priority, r.run_at
        FROM engine.runs r
        WHERE r.status = 'QUEUED' AND r.run_at <= now()
          AND (r.expires_at IS NULL OR r.expires_at > now())
          AND NOT EXISTS (SELECT 1 FROM engine.queues p WHERE p.name = r.queue AND p.paused)
        ORDER BY r.priority DESC, r.run_at, r.id
        LIMIT p_limit
        FOR UPDATE OF r SKIP LOCKED
    ) c
    LEFT JOIN engine.queues q ON q.name = c.queue;

    IF v_ids IS NULL THEN
        RETURN;
    END IF;

    SELECT array_agg(u.id) INTO v_accepted
    FROM unnest(v_ids, v_limits) AS u(id, lim) WHERE u.lim IS NULL;
    v_accepted := coalesce(v_accepted, '{}');

    FOR v_group IN
        SELECT u.queue, u.key, min(u.lim) AS lim, array_agg(u.id ORDER BY u.position) AS ids
        FROM unnest(v_ids, v_queues, v_keys, v_limits) WITH ORDINALITY AS u(id, queue, key, lim, position)
        WHERE u.lim IS NOT NULL
        GROUP BY u.queue, u.key
        ORDER BY hashtextextended(u.queue || E'\x1f' || coalesce(u.key, ''), 0)
    LOOP
        PERFORM pg_advisory_xact_lock(
            hashtextextended(v_group.queue || E'\x1f' || coalesce(v_group.key, ''), 0));
        SELECT count(*) INTO v_running FROM engine.runs e
        WHERE e.status = 'EXECUTING' AND e.queue = v_group.queue
          AND e.concurrency_key IS NOT DISTINCT FROM v_group.key;
        IF v_running < v_group.lim THEN
            v_accepted := v_accepted || v_group.ids[1:(v_group.lim - v_running)];
        END IF;
    END LOOP;

    PERFORM engine.notify_changed(v_accepted);

    RETURN QUERY
    UPDATE engine.runs r
    -- clock_timestamp(), not now(): this transaction may have waited on a key's lock while
    -- another run of the key completed; the start is after that, not when the claim began.
    SET status = 'EXECUTING', attempt = r.attempt + 1, lease_owner = p_worker,
        lease_expires_at = clock_timestamp() + p_lease,
        started_at = coalesce(r.started_at, clock_timestamp()),
        updated_at = clock_timestamp()
    WHERE r.id = ANY (v_accepted)
    RETURNING r.id, r.task_id, r.payload::text, r.attempt, r.max_attempts, r.team_id,
              r.trace_parent, r.run_at, r.started_at;
END $$;
