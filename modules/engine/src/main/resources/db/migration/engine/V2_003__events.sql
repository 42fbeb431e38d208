-- The events outbox: events are rows written in the publisher's transaction; a relay on every node
-- hands committed ones to the messaging channels and marks them delivered once acknowledged.
-- docs/engine.md (Events) explains the guarantees.
CREATE TABLE engine.events (
    -- UUIDv7: time-ordered, so the id is the list cursor and the relay's order.
    id              uuid PRIMARY KEY,
    name            text NOT NULL,
    team_id         uuid,
    payload         jsonb NOT NULL,
    -- Who published it: 'api' (REST), 'engine' (run lifecycle) or 'application' (Java).
    source          text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    -- Hand-overs to the channel so far; each claim counts one.
    attempts        int NOT NULL DEFAULT 0,
    -- When the relay may hand it over (again): after a nack's backoff, or when an ack is overdue.
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);

-- The relay reads only what is undelivered, in due order.
CREATE INDEX events_relay ON engine.events (next_attempt_at, id) WHERE delivered_at IS NULL;
CREATE INDEX events_team ON engine.events (team_id, id);
CREATE INDEX events_name ON engine.events (name, id);
-- For retention pruning.
CREATE INDEX events_delivered ON engine.events (delivered_at) WHERE delivered_at IS NOT NULL;

-- A UUIDv7 made in SQL (PostgreSQL before 18 has none): the Unix time in milliseconds over the
-- first 48 bits of a random UUID, with the version bits turned from 4 (0100) into 7 (0111).
CREATE FUNCTION engine.uuid_v7()
RETURNS uuid
LANGUAGE sql VOLATILE AS $$
    SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
        FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid;
$$;

-- The one way events enter the outbox, from Java and from SQL alike: p_events is a JSON array of
-- {id?, name, team_id?, payload, source}; a missing id gets a UUIDv7. Joins the caller's
-- transaction, so the events commit or roll back with it; the relays are woken at commit. NULL or
-- an empty array does nothing.
CREATE FUNCTION engine.publish_events(p_events jsonb)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_ids uuid[];
    v_names text[];
    v_teams uuid[];
    v_payloads jsonb[];
BEGIN
    IF p_events IS NULL OR jsonb_array_length(p_events) = 0 THEN
        RETURN;
    END IF;
    WITH inserted AS (
        INSERT INTO engine.events (id, name, team_id, payload, source)
        SELECT coalesce(e.id, engine.uuid_v7()), e.name, e.team_id, coalesce(e.payload, '{}'),
               e.source
        FROM jsonb_to_recordset(p_events)
             AS e(id uuid, name text, team_id uuid, payload jsonb, source text)
        RETURNING id, name, team_id, payload
    )
    SELECT array_agg(id ORDER BY id), array_agg(name ORDER BY id), array_agg(team_id ORDER BY id),
           array_agg(payload ORDER BY id)
    INTO v_ids, v_names, v_teams, v_payloads
    FROM inserted;
    -- Runs waiting for these events resume in the same transaction (engine.resolve_event_waits,
    -- V2_002). One indexed probe first: most events, run.completed above all, have no waiter.
    IF EXISTS (SELECT 1 FROM engine.runs r
               WHERE r.status = 'WAITING' AND r.wait_event = ANY (v_names)) THEN
        PERFORM engine.resolve_event_waits(e.id, e.name, e.team_id, e.payload)
        FROM unnest(v_ids, v_names, v_teams, v_payloads) AS e(id, name, team_id, payload);
    END IF;
    PERFORM pg_notify('nightshift_events', '');
END $$;
