-- Dynamic schedules: each row fires its task at the times of a cron expression or an interval,
-- moved by a spread offset. docs/engine.md (Schedules) explains the rules.
CREATE TABLE engine.schedules (
    -- UUIDv7, so the id is also the list's cursor.
    id                uuid PRIMARY KEY,
    task_id           text NOT NULL,
    team_id           uuid,
    -- Exactly one of: a five-field Unix cron read on the wall clock of time_zone, or an interval
    -- counted from the Unix epoch.
    cron              text,
    interval_ms       bigint CHECK (interval_ms >= 1000),
    time_zone         text NOT NULL,
    external_id       text,
    deduplication_key text,
    payload           jsonb NOT NULL,
    overlap           text NOT NULL CHECK (overlap IN ('skip', 'queue')),
    catch_up          text NOT NULL CHECK (catch_up IN ('one', 'skip')),
    -- The spread window asked for, and the offset it gave: every fire time is the cron's or the
    -- interval's time plus offset_ms. Stored, so that changing the default later moves nothing.
    spread_ms         bigint NOT NULL CHECK (spread_ms >= 0),
    offset_ms         bigint NOT NULL CHECK (offset_ms >= 0),
    active            boolean NOT NULL DEFAULT true,
    -- The next fire time. Schedulers claim active rows whose time has come.
    next_run_at       timestamptz NOT NULL,
    -- No foreign key: runs are pruned by retention, schedules stay.
    last_run_id       uuid,
    last_fired_at     timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((cron IS NULL) <> (interval_ms IS NULL))
);

-- The schedulers' claim reads this index in order; it holds only what can fire.
CREATE INDEX schedules_due ON engine.schedules (next_run_at) WHERE active;
-- "Ensure the schedule for team X": one schedule per team and key; NULL teams share one space.
CREATE UNIQUE INDEX schedules_deduplication ON engine.schedules (team_id, deduplication_key)
    NULLS NOT DISTINCT WHERE deduplication_key IS NOT NULL;
CREATE INDEX schedules_team ON engine.schedules (team_id, id);
