-- Looking up a run by its idempotency key read the whole of engine.runs, twice per trigger: the
-- comparisons on team_id (IS NOT DISTINCT FROM, for runs without a team) cannot use an index,
-- and the partial index runs_idempotency was not provably usable from join clauses. With finished
-- runs kept for weeks, every trigger with a key grew slower as the table grew (measured by the
-- inbox pipeline benchmark: about half the machine's CPU inside this function at 10,000 runs).
-- The lookups now compare team ids through coalesce, with the all-zero id standing for "no team"
-- (no team has it: ids are random or time-ordered UUIDs), served by an index on that expression.
CREATE INDEX runs_idempotency_lookup
    ON engine.runs (task_id, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), idempotency_key)
    WHERE idempotency_key IS NOT NULL;

CREATE OR REPLACE FUNCTION engine.trigger_runs(p_items jsonb)
RETURNS TABLE (id uuid, cached boolean)
LANGUAGE plpgsql AS $$
DECLARE
    v_ids uuid[];
    v_cached boolean[];
BEGIN
    UPDATE engine.runs r SET idempotency_key = NULL
    FROM jsonb_to_recordset(p_items) AS i(task_id text, team_id uuid, idempotency_key text)
    WHERE i.idempotency_key IS NOT NULL
      AND r.task_id = i.task_id AND coalesce(r.team_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(i.team_id, '00000000-0000-0000-0000-000000000000'::uuid)
      AND r.idempotency_key IS NOT NULL AND r.idempotency_key = i.idempotency_key
      AND r.idempotency_expires_at <= now();

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
    SELECT array_agg(coalesce(mine.id, earlier.id, existing.id) ORDER BY i.position),
           array_agg(mine.id IS NULL ORDER BY i.position)
    INTO v_ids, v_cached
    FROM items i
    LEFT JOIN inserted mine ON mine.id = i.id
    LEFT JOIN inserted earlier ON mine.id IS NULL
        AND earlier.task_id = i.task_id AND earlier.team_id IS NOT DISTINCT FROM i.team_id
        AND earlier.idempotency_key = i.idempotency_key
    LEFT JOIN engine.runs existing ON mine.id IS NULL AND earlier.id IS NULL
        AND existing.task_id = i.task_id
        AND coalesce(existing.team_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(i.team_id, '00000000-0000-0000-0000-000000000000'::uuid)
        AND existing.idempotency_key IS NOT NULL
        AND existing.idempotency_key = i.idempotency_key;

    IF array_position(v_ids, NULL) IS NOT NULL THEN
        SELECT array_agg(coalesce(u.id, existing.id) ORDER BY u.position) INTO v_ids
        FROM unnest(v_ids) WITH ORDINALITY AS u(id, position)
        JOIN jsonb_array_elements(p_items) WITH ORDINALITY AS e(item, position)
            ON e.position = u.position
        LEFT JOIN engine.runs existing ON u.id IS NULL
            AND existing.task_id = e.item ->> 'task_id'
            AND coalesce(existing.team_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce((e.item ->> 'team_id')::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
            AND existing.idempotency_key IS NOT NULL
            AND existing.idempotency_key = e.item ->> 'idempotency_key';
    END IF;

    RETURN QUERY SELECT u.id, u.cached FROM unnest(v_ids, v_cached) AS u(id, cached);

    PERFORM pg_notify('nightshift_runs', q.queue)
    FROM (SELECT DISTINCT i.queue FROM jsonb_to_recordset(p_items) AS i(queue text, run_at timestamptz)
          WHERE i.run_at IS NULL OR i.run_at <= now()) q;
END $$;
