-- For GET /api/v1/jobs/status and /jobs/metrics (docs/engine.md, "Job status and metrics").
-- Finished runs in the order they finished, per task for the admin and per team and task for a
-- team key. Each holds every column the two endpoints read, so they answer from the index alone
-- however many runs the table keeps: the metrics read one window of it, the status the newest
-- entry of each task. Only the update that finishes a run writes to them (docs/benchmarks.md).
CREATE INDEX runs_task_finished ON engine.runs (task_id, finished_at)
    INCLUDE (status, started_at, team_id, id) WHERE finished_at IS NOT NULL;
-- Without it, a team's status would walk every team's runs of a task it rarely runs.
CREATE INDEX runs_team_task_finished ON engine.runs (team_id, task_id, finished_at)
    INCLUDE (status, started_at, id) WHERE finished_at IS NOT NULL AND team_id IS NOT NULL;

-- The last failure of each task, and of each team's task, without walking past successes or
-- other teams' failures. Small: only failing writes to them.
CREATE INDEX runs_task_failed ON engine.runs (task_id, finished_at) INCLUDE (id)
    WHERE status IN ('FAILED', 'TIMED_OUT');
CREATE INDEX runs_team_task_failed ON engine.runs (team_id, task_id, finished_at) INCLUDE (id)
    WHERE status IN ('FAILED', 'TIMED_OUT') AND team_id IS NOT NULL;
