-- The exports module's schema: one row per export, from its request to its archive in the vault.
CREATE SCHEMA IF NOT EXISTS exports;

CREATE TABLE exports.exports (
    id                  uuid PRIMARY KEY,
    team_id             uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    -- The export-transactions run that writes the archive; set in the transaction that creates it.
    run_id              uuid,
    status              text NOT NULL DEFAULT 'QUEUED'
                        CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELED', 'EXPIRED')),
    -- contracts TransactionSelection and the module's ExportOptions, as JSON.
    selection           jsonb NOT NULL,
    options             jsonb NOT NULL,
    -- A client's Idempotency-Key: the same key returns the same export.
    idempotency_key     text,
    file_name           text NOT NULL,
    -- Where the archive lives in the vault: the same for every attempt, so a retry replaces.
    archive_path        text NOT NULL,
    -- The key that signs this export's download links (platform SecretBox, bound to the id):
    -- links of one export say nothing about another's, and a new key revokes them all.
    link_key_sealed     text NOT NULL,
    total               bigint,
    rows_written        bigint NOT NULL DEFAULT 0,
    attachments         int NOT NULL DEFAULT 0,
    missing_attachments int NOT NULL DEFAULT 0,
    bytes               bigint NOT NULL DEFAULT 0,
    error               text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    started_at          timestamptz,
    completed_at        timestamptz,
    -- When the archive is deleted from the vault (nightshift.exports.retention after completion).
    expires_at          timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- Lists read a team's exports newest first.
CREATE INDEX exports_team ON exports.exports (team_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX exports_idempotency ON exports.exports (team_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
-- run.failed names the run.
CREATE INDEX exports_run ON exports.exports (run_id);
-- The daily clean-up looks for completed archives past their time.
CREATE INDEX exports_expiry ON exports.exports (expires_at) WHERE status = 'COMPLETED';
