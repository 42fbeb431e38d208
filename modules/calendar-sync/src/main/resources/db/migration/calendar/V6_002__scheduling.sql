-- schedule-tasks: each team's working week, and one row per scheduling request from its arrival to
-- its result.

CREATE TABLE calendar.working_hours (
    team_id    uuid PRIMARY KEY REFERENCES platform.teams (id) ON DELETE CASCADE,
    -- An IANA zone id: the blocks are wall-clock times there.
    time_zone  text NOT NULL,
    -- {"MONDAY": [{"start": "09:00", "end": "12:00"}, ...], ...}; a missing day is a day off.
    week       jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE calendar.scheduling_runs (
    id              uuid PRIMARY KEY,
    team_id         uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    -- The schedule-tasks run; set in the transaction that creates the row.
    run_id          uuid,
    status          text NOT NULL DEFAULT 'QUEUED'
                    CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    -- A client's Idempotency-Key: the same key returns the same scheduling run.
    idempotency_key text,
    -- The tasks and the window as asked for; the window is fixed when the run starts.
    request         jsonb NOT NULL,
    window_start    timestamptz,
    window_end      timestamptz,
    -- The placements, warnings and summary, written with the events they created.
    result          jsonb,
    placed          int,
    after_deadline  int,
    unplaced        int,
    error           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz
);

CREATE INDEX scheduling_runs_team ON calendar.scheduling_runs (team_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX scheduling_runs_idempotency ON calendar.scheduling_runs (team_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
-- run.failed names the run.
CREATE INDEX scheduling_runs_run ON calendar.scheduling_runs (run_id);
-- Re-runs find the events schedule-tasks placed earlier for a task.
CREATE INDEX events_placed_tasks ON calendar.events (team_id, external_id)
    WHERE provider = 'nightshift' AND NOT locked;
