-- Durable steps and waits: a run's journal, and what a WAITING run waits for. docs/engine.md
-- explains how a run suspends and resumes.

-- One row per finished step and per wait of a run, keyed by the step's name (or the wait's
-- position) within the run. A resumed or retried run reads it to skip what already happened.
CREATE TABLE engine.run_steps (
    run_id      uuid NOT NULL REFERENCES engine.runs (id) ON DELETE CASCADE,
    key         text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('step', 'wait')),
    -- A step is COMPLETED when stored; a wait is WAITING until it is RESOLVED.
    status      text NOT NULL CHECK (status IN ('COMPLETED', 'WAITING', 'RESOLVED')),
    output      jsonb,
    -- What a wait waits for: {type, until, event, filter, children}.
    wait        jsonb,
    attempt     int NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    PRIMARY KEY (run_id, key)
);

-- The current wait of a WAITING run, on the run itself: a resolver that finds the run through
-- these columns re-reads them under the run's row lock, so a wait that commits while an event or
-- a child's completion is being written is seen by one side or the other.
ALTER TABLE engine.runs
    ADD COLUMN wait_step     text,
    ADD COLUMN wait_type     text CHECK (wait_type IN ('time', 'event', 'children')),
    -- The time to wake, or the timeout of an event wait.
    ADD COLUMN wait_until    timestamptz,
    ADD COLUMN wait_event    text,
    ADD COLUMN wait_filter   jsonb,
    ADD COLUMN wait_children uuid[];

CREATE INDEX runs_wait_until ON engine.runs (wait_until) WHERE status = 'WAITING';
CREATE INDEX runs_wait_event ON engine.runs (wait_event) WHERE status = 'WAITING';
CREATE INDEX runs_wait_children ON engine.runs (id) WHERE status = 'WAITING' AND wait_type = 'children';
-- Cancelling a parent cancels its children.
CREATE INDEX runs_parent ON engine.runs (parent_id) WHERE parent_id IS NOT NULL;

-- Resumes WAITING runs: each run's wait step becomes RESOLVED with its result, and the run is
-- QUEUED again to replay from the start. Runs no longer WAITING are left alone. Rows are locked
-- in id order, so resolvers never deadlock each other.
CREATE FUNCTION engine.resume_runs(p_ids uuid[], p_results jsonb[])
RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    v_resumed uuid[];
    v_queues text[];
BEGIN
    WITH waiting AS (
        SELECT r.id, r.wait_step, u.result
        FROM engine.runs r JOIN unnest(p_ids, p_results) AS u(id, result) ON u.id = r.id
        WHERE r.status = 'WAITING'
        ORDER BY r.id
        FOR UPDATE OF r
    ),
    resolved AS (
        UPDATE engine.run_steps s SET status = 'RESOLVED', output = w.result, finished_at = now()
        FROM waiting w WHERE s.run_id = w.id AND s.key = w.wait_step
    ),
    resumed AS (
        UPDATE engine.runs r SET status = 'QUEUED', run_at = now(), wait_step = NULL,
            wait_type = NULL, wait_until = NULL, wait_event = NULL, wait_filter = NULL,
            wait_children = NULL, updated_at = now()
        FROM waiting w WHERE r.id = w.id
        RETURNING r.id, r.queue
    )
    SELECT array_agg(id), array_agg(DISTINCT queue) INTO v_resumed, v_queues FROM resumed;
    IF v_resumed IS NULL THEN
        RETURN 0;
    END IF;
    PERFORM pg_notify('nightshift_runs', q) FROM unnest(v_queues) AS q;
    PERFORM engine.notify_changed(v_resumed);
    RETURN cardinality(v_resumed);
END $$;

-- Puts runs that asked to wait into WAITING, described by a JSON array of
-- {id, attempt, step, type, until, event, filter, children, since}. The attempt is given back:
-- waiting is not a failed attempt. A wait that is already over (its time passed, its children
-- finished) resumes at once. Returns the runs that now wait or resumed.
CREATE FUNCTION engine.suspend_runs(p_worker text, p_waits jsonb)
RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    v_suspended uuid[];
    v_over uuid[];
BEGIN
    WITH items AS (
        SELECT * FROM jsonb_to_recordset(p_waits) AS i(
            id uuid, attempt int, step text, type text, until timestamptz, event text,
            filter jsonb, children uuid[], since timestamptz)
    ),
    suspended AS (
        UPDATE engine.runs r SET status = 'WAITING', attempt = r.attempt - 1,
            lease_owner = NULL, lease_expires_at = NULL, wait_step = i.step, wait_type = i.type,
            wait_until = i.until, wait_event = i.event, wait_filter = i.filter,
            wait_children = i.children, updated_at = now()
        FROM items i
        WHERE r.id = i.id AND r.attempt = i.attempt AND r.status = 'EXECUTING'
          AND r.lease_owner = p_worker
        RETURNING r.id
    ),
    journaled AS (
        INSERT INTO engine.run_steps (run_id, key, kind, status, wait, attempt, started_at)
        SELECT i.id, i.step, 'wait', 'WAITING',
               jsonb_strip_nulls(jsonb_build_object('type', i.type, 'until', i.until,
                   'event', i.event, 'filter', i.filter, 'children', to_jsonb(i.children))),
               i.attempt, i.since
        FROM items i JOIN suspended s ON s.id = i.id
        ON CONFLICT (run_id, key) DO NOTHING
    )
    SELECT array_agg(id) INTO v_suspended FROM suspended;

    IF v_suspended IS NULL THEN
        RETURN 0;
    END IF;
    PERFORM engine.notify_changed(v_suspended);

    -- Children may have finished, or the time passed, before this commit made the wait visible.
    SELECT array_agg(r.id) INTO v_over
    FROM engine.runs r
    WHERE r.id = ANY (v_suspended)
      AND (r.wait_until <= now()
           OR (r.wait_type = 'children' AND NOT EXISTS (
                SELECT 1 FROM engine.runs c WHERE c.id = ANY (r.wait_children)
                  AND c.status IN ('QUEUED', 'EXECUTING', 'WAITING'))));
    IF v_over IS NOT NULL THEN
        PERFORM engine.resume_runs(v_over, (SELECT array_agg(engine.wait_over_result(r.wait_type))
                                            FROM unnest(v_over) AS o(id)
                                            JOIN engine.runs r ON r.id = o.id));
    END IF;
    -- An event published while this wait was being stored could not see it.
    PERFORM engine.resume_on_published_events(v_suspended);
    RETURN cardinality(v_suspended);
END $$;

-- The result a wait resolves with when its time came (or, for an event, its timeout).
CREATE FUNCTION engine.wait_over_result(p_type text)
RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_type
        WHEN 'event' THEN '{"timedOut": true}'::jsonb
        ELSE '{}'::jsonb
    END;
$$;

-- Resumes, in batches of p_limit, the runs whose wait is over: the time came, an event wait timed
-- out, or every child finished. Called by every node; SKIP LOCKED keeps them out of each other's
-- way. Returns how many runs resumed.
CREATE FUNCTION engine.wake_runs(p_limit int)
RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    v_ids uuid[];
    v_results jsonb[];
BEGIN
    SELECT array_agg(d.id), array_agg(engine.wait_over_result(d.wait_type))
    INTO v_ids, v_results
    FROM (
        SELECT r.id, r.wait_type FROM engine.runs r
        WHERE r.status = 'WAITING' AND r.wait_until <= now()
        ORDER BY r.wait_until
        LIMIT p_limit
        FOR UPDATE SKIP LOCKED
    ) d;
    IF v_ids IS NULL THEN
        -- Children finishing at once each see the others unfinished; this catches that case.
        SELECT array_agg(d.id), array_agg('{}'::jsonb)
        INTO v_ids, v_results
        FROM (
            SELECT r.id FROM engine.runs r
            WHERE r.status = 'WAITING' AND r.wait_type = 'children'
              AND NOT EXISTS (SELECT 1 FROM engine.runs c WHERE c.id = ANY (r.wait_children)
                                AND c.status IN ('QUEUED', 'EXECUTING', 'WAITING'))
            LIMIT p_limit
            FOR UPDATE SKIP LOCKED
        ) d;
    END IF;
    IF v_ids IS NULL THEN
        -- An event and a wait stored at the same moment each miss the other; this catches that.
        RETURN engine.resume_on_published_events(ARRAY(
            SELECT r.id FROM engine.runs r
            WHERE r.status = 'WAITING' AND r.wait_type = 'event'
              AND r.updated_at > now() - interval '1 minute'
            LIMIT p_limit));
    END IF;
    RETURN engine.resume_runs(v_ids, v_results);
END $$;

-- Resumes the event waits among p_ids that an event already in the outbox (engine.events, V2_003)
-- satisfies: the first matching event published since the run reached the wait. Event ids are
-- UUIDv7, so (name, id) finds a name's events since a time without reading older ones.
CREATE FUNCTION engine.resume_on_published_events(p_ids uuid[])
RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    v_ids uuid[];
    v_results jsonb[];
BEGIN
    SELECT array_agg(m.id), array_agg(m.result) INTO v_ids, v_results
    FROM (
        SELECT r.id, (
            SELECT jsonb_build_object('eventId', e.id, 'payload', e.payload)
            FROM engine.events e
            WHERE e.name = r.wait_event
              AND e.id >= (lpad(to_hex((extract(epoch FROM s.started_at - interval '1 second')
                                         * 1000)::bigint), 12, '0')
                           || '00000000000000000000')::uuid
              AND e.created_at >= s.started_at
              AND (r.team_id IS NULL OR e.team_id IS NOT DISTINCT FROM r.team_id)
              AND e.payload @> coalesce(r.wait_filter, '{}')
            ORDER BY e.id
            LIMIT 1) AS result
        FROM engine.runs r
        JOIN engine.run_steps s ON s.run_id = r.id AND s.key = r.wait_step
        WHERE r.id = ANY (p_ids) AND r.status = 'WAITING' AND r.wait_type = 'event') m
    WHERE m.result IS NOT NULL;
    IF v_ids IS NULL THEN
        RETURN 0;
    END IF;
    RETURN engine.resume_runs(v_ids, v_results);
END $$;

-- Resumes the runs waiting for an event named p_name whose filter the payload contains, in the
-- event's team (a run of no team hears every team's events). Returns how many resumed.
CREATE FUNCTION engine.resolve_event_waits(p_event_id uuid, p_name text, p_team uuid, p_payload jsonb)
RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    v_ids uuid[];
BEGIN
    SELECT array_agg(r.id) INTO v_ids
    FROM engine.runs r
    WHERE r.status = 'WAITING' AND r.wait_event = p_name
      AND (r.team_id IS NULL OR r.team_id IS NOT DISTINCT FROM p_team)
      AND p_payload @> coalesce(r.wait_filter, '{}');
    IF v_ids IS NULL THEN
        RETURN 0;
    END IF;
    RETURN engine.resume_runs(v_ids, array_fill(
        jsonb_build_object('eventId', p_event_id, 'payload', p_payload), ARRAY[cardinality(v_ids)]));
END $$;

-- When a child run finishes, its parent resumes if it waits for its children and all finished.
-- The parent's row is locked first, so that of two children finishing at once the later one sees
-- the earlier; a parent that is not waiting is not locked at all (cancelling a tree cancels the
-- parent first).
CREATE FUNCTION engine.child_finished()
RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM engine.runs p WHERE p.id = NEW.parent_id
                   AND p.status = 'WAITING' AND p.wait_type = 'children') THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM engine.runs p WHERE p.id = NEW.parent_id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM engine.runs p
               WHERE p.id = NEW.parent_id AND p.status = 'WAITING' AND p.wait_type = 'children'
                 AND NOT EXISTS (SELECT 1 FROM engine.runs c WHERE c.id = ANY (p.wait_children)
                                   AND c.status IN ('QUEUED', 'EXECUTING', 'WAITING'))) THEN
        PERFORM engine.resume_runs(ARRAY[NEW.parent_id], ARRAY['{}'::jsonb]);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER runs_child_finished
    AFTER UPDATE OF status ON engine.runs
    FOR EACH ROW
    WHEN (NEW.parent_id IS NOT NULL
          AND NEW.status IN ('COMPLETED', 'FAILED', 'CANCELED', 'TIMED_OUT', 'EXPIRED')
          AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION engine.child_finished();
