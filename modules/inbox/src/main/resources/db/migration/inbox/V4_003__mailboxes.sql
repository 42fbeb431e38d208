-- IMAP mailboxes a team's inbox polls for documents. modules/inbox/README.md, "IMAP mailboxes".
CREATE TABLE inbox.mailboxes (
    id                   uuid PRIMARY KEY,
    team_id              uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    -- Lower case, so that one server is not added twice under two spellings.
    host                 text NOT NULL,
    port                 integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
    security             text NOT NULL CHECK (security IN ('SSL', 'STARTTLS', 'NONE')),
    username             text NOT NULL,
    -- SecretBox ciphertext bound to 'inbox.mailboxes:<id>': a copy in another row does not open.
    password_sealed      text NOT NULL,
    folder               text NOT NULL DEFAULT 'INBOX',
    -- The folder's UIDVALIDITY when last_uid was read; another value means the UIDs were reset.
    uid_validity         bigint,
    -- Messages with a higher UID are new.
    last_uid             bigint NOT NULL DEFAULT 0,
    status               text NOT NULL DEFAULT 'ACTIVE'
                         CHECK (status IN ('ACTIVE', 'FAILING', 'DISABLED')),
    last_polled_at       timestamptz,
    last_error           text,
    consecutive_failures integer NOT NULL DEFAULT 0,
    -- The engine schedule that polls it; no foreign key, as modules share no tables.
    schedule_id          uuid,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (team_id, host, username, folder)
);
