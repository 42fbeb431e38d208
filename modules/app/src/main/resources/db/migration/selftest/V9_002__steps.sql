-- The side effects of the selftest-journey task's steps: one row per executed step body, so that
-- tests see a step that ran twice. Safe to truncate at any time.
CREATE TABLE selftest.steps (
    run_id      uuid NOT NULL,
    step        text NOT NULL,
    worker      text NOT NULL,
    executed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX steps_run ON selftest.steps (run_id);
