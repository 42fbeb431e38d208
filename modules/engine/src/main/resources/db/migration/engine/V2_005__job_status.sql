-- For GET /api/v1/jobs/status and /jobs/metrics (docs/engine.md, "Job status and metrics").

-- Finished runs per task, in the order they finished. It holds every column the two endpoints
-- read, so both answer from the index alone however many runs the table keeps: the metrics read
-- one window of it, the status the newest entry of each task. Only finishing writes to it.
CREATE INDEX runs_task_finished ON engine.runs (task_id, finished_at)
    INCLUDE (status, started_at, team_id, id) WHERE finished_at IS NOT NULL;

-- The last failure of each task (of each team), without walking past its successes.
CREATE INDEX runs_task_failed ON engine.runs (task_id, finished_at) INCLUDE (team_id, id)
    WHERE status IN ('FAILED', 'TIMED_OUT');
