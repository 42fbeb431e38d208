-- The inbox module's schema: each team's inbound address and one item per received document.
-- modules/inbox/README.md explains the flow.
CREATE SCHEMA IF NOT EXISTS inbox;

-- Mail to <token>@<nightshift.inbox.email-domain> lands in this team's inbox.
CREATE TABLE inbox.addresses (
    team_id    uuid PRIMARY KEY REFERENCES platform.teams (id) ON DELETE CASCADE,
    token      text NOT NULL UNIQUE CHECK (token ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE inbox.items (
    id              uuid PRIMARY KEY,
    team_id         uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    -- Where it came from, such as <MessageID>/<attachment index>: receiving it again is a no-op.
    reference_id    text NOT NULL,
    source          text NOT NULL CHECK (source IN ('EMAIL', 'IMAP', 'UPLOAD')),
    -- The content's SHA-256 in the platform blob store.
    blob_key        text NOT NULL,
    file_name       text NOT NULL,
    -- Sniffed from the content, not taken from the sender.
    content_type    text NOT NULL,
    size            bigint NOT NULL,
    sender          text,
    subject         text,
    status          text NOT NULL DEFAULT 'NEW'
                    CHECK (status IN ('NEW', 'PROCESSING', 'PROCESSED', 'FAILED')),
    failure_reason  text,
    -- The process-document run that extracts it.
    process_run_id  uuid,
    kind            text CHECK (kind IN ('INVOICE', 'RECEIPT', 'OTHER')),
    -- Unsigned, as printed on the document.
    amount          numeric(19, 4),
    currency        text CHECK (currency ~ '^[A-Z]{3}$'),
    invoice_date    date,
    due_date        date,
    invoice_number  text,
    vendor          text,
    tax_amount      numeric(19, 4),
    -- Every extracted field with its value, source and confidence.
    fields          jsonb NOT NULL DEFAULT '{}',
    match_status    text NOT NULL DEFAULT 'UNMATCHED'
                    CHECK (match_status IN ('UNMATCHED', 'SUGGESTED', 'MATCHED', 'NO_MATCH')),
    -- A transactions-module id; no foreign key, as modules share no tables.
    transaction_id  uuid,
    matched_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (team_id, reference_id)
);

-- Lists read newest first per team.
CREATE INDEX items_team_created ON inbox.items (team_id, created_at DESC, id DESC);
-- Matching looks for a team's processed items still waiting for a transaction.
CREATE INDEX items_waiting ON inbox.items (team_id, created_at)
    WHERE status = 'PROCESSED' AND match_status IN ('UNMATCHED', 'SUGGESTED');
