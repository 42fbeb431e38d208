-- The side effects of the selftest-record task (dev.nightshift.app.selftest): one row per executed
-- attempt, for reliability tests and benchmarks against the shipped application. Deliberately no
-- unique constraint on run_id: a run executed twice must show as two rows, so that duplicates can
-- be counted. Safe to truncate at any time.
CREATE SCHEMA IF NOT EXISTS selftest;

CREATE TABLE selftest.executions (
    run_id      uuid NOT NULL,
    attempt     int NOT NULL,
    -- pid@host of the process that executed the attempt.
    worker      text NOT NULL,
    executed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX executions_run ON selftest.executions (run_id);
