-- The calendar-sync module's schema: connections to a provider, their calendars, the events kept in
-- step with them, each calendar's sync state and a log line per sync run.
CREATE SCHEMA IF NOT EXISTS calendar;

CREATE TABLE calendar.connections (
    id                   uuid PRIMARY KEY,
    team_id              uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    provider             text NOT NULL CHECK (provider IN ('google', 'ics')),
    -- The account's e-mail address (google) or a label of the feed (ics), for people.
    name                 text NOT NULL,
    -- google: OAuth tokens, sealed by the platform's SecretBox and bound to the connection's id.
    access_token_sealed  text,
    refresh_token_sealed text,
    token_expires_at     timestamptz,
    -- ics: the feed's address, sealed too: private feed addresses carry a secret in their path.
    feed_url_sealed      text,
    -- False once the provider refused the grant (invalid_grant): syncs skip it until reconnected.
    active               boolean NOT NULL DEFAULT true,
    deactivated_reason   text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (provider <> 'google' OR refresh_token_sealed IS NOT NULL),
    CHECK (provider <> 'ics' OR feed_url_sealed IS NOT NULL)
);

CREATE INDEX connections_team ON calendar.connections (team_id, created_at, id);

CREATE TABLE calendar.calendars (
    id            uuid PRIMARY KEY,
    team_id       uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    connection_id uuid NOT NULL REFERENCES calendar.connections (id) ON DELETE CASCADE,
    -- The provider's id of the calendar (Google's calendar id; 'feed' for an ICS feed).
    external_id   text NOT NULL,
    name          text NOT NULL,
    time_zone     text,
    access_role   text,
    -- Disabled calendars are not synced; their events stay until deleted with the connection.
    enabled       boolean NOT NULL DEFAULT true,
    -- Inbound: the provider's changes are applied here. Delete: its cancellations delete events.
    sync_inbound  boolean NOT NULL DEFAULT true,
    sync_deletes  boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (connection_id, external_id)
);

CREATE INDEX calendars_team ON calendar.calendars (team_id);

CREATE TABLE calendar.events (
    id                  uuid PRIMARY KEY,
    team_id             uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    -- Null for events Nightshift placed itself (provider 'nightshift', from schedule-tasks).
    calendar_id         uuid REFERENCES calendar.calendars (id) ON DELETE CASCADE,
    provider            text NOT NULL CHECK (provider IN ('google', 'ics', 'nightshift')),
    external_calendar_id text NOT NULL,
    external_id         text NOT NULL,
    title               text NOT NULL,
    description         text,
    location            text,
    start_at            timestamptz NOT NULL,
    end_at              timestamptz NOT NULL,
    all_day             boolean NOT NULL DEFAULT false,
    time_zone           text,
    status              text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'tentative')),
    -- Locked events are never moved by schedule-tasks; synced events are locked.
    locked              boolean NOT NULL DEFAULT true,
    external_updated_at timestamptz,
    synced_at           timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (end_at > start_at),
    UNIQUE (team_id, provider, external_calendar_id, external_id)
);

-- Range reads (listing, busy time for schedule-tasks) look for events that overlap a window.
CREATE INDEX events_team_start ON calendar.events (team_id, start_at, end_at);
CREATE INDEX events_calendar ON calendar.events (calendar_id);

-- A calendar's position in the provider's change feed: Google's sync token, or an ICS feed's
-- validators (ETag, Last-Modified). Stored only after the writes it covers have committed.
CREATE TABLE calendar.sync_states (
    calendar_id   uuid PRIMARY KEY REFERENCES calendar.calendars (id) ON DELETE CASCADE,
    connection_id uuid NOT NULL REFERENCES calendar.connections (id) ON DELETE CASCADE,
    sync_token    text,
    synced_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE calendar.sync_log (
    id            uuid PRIMARY KEY,
    team_id       uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    connection_id uuid NOT NULL REFERENCES calendar.connections (id) ON DELETE CASCADE,
    run_id        uuid,
    type          text NOT NULL CHECK (type IN ('FULL', 'INCREMENTAL')),
    -- What asked for it: a person or client, the schedule, a push notification, a batch.
    trigger       text NOT NULL CHECK (trigger IN ('MANUAL', 'SCHEDULE', 'PUSH', 'BATCH', 'CONNECT')),
    status        text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    started_at    timestamptz NOT NULL DEFAULT now(),
    ended_at      timestamptz,
    inserted      int NOT NULL DEFAULT 0,
    updated       int NOT NULL DEFAULT 0,
    deleted       int NOT NULL DEFAULT 0,
    pages         int NOT NULL DEFAULT 0,
    api_calls     int NOT NULL DEFAULT 0,
    -- True when an incremental sync found its token gone (410) or missing and ran a full one.
    fell_back     boolean NOT NULL DEFAULT false,
    error         text
);

CREATE INDEX sync_log_connection ON calendar.sync_log (connection_id, started_at DESC, id DESC);
CREATE INDEX sync_log_team ON calendar.sync_log (team_id, started_at DESC, id DESC);
