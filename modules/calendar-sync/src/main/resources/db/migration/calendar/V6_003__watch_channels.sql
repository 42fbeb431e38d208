-- Google push channels ("watches") Nightshift opened, one live channel per synced Google calendar
-- (Google watches a calendar's events, not an account). A renewal adds the new channel before the
-- old one is stopped and its row deleted, so for a while a calendar has two.
CREATE TABLE calendar.watch_channels (
    -- The channel id Google echoes in X-Goog-Channel-ID: the connection id, '_', a random suffix.
    id            text PRIMARY KEY,
    connection_id uuid NOT NULL REFERENCES calendar.connections (id) ON DELETE CASCADE,
    calendar_id   uuid NOT NULL REFERENCES calendar.calendars (id) ON DELETE CASCADE,
    -- Google's id of the watched resource; channels.stop needs it with the channel id.
    resource_id   text NOT NULL,
    expires_at    timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX watch_channels_calendar ON calendar.watch_channels (calendar_id, expires_at);
-- The renewal looks for channels about to expire.
CREATE INDEX watch_channels_expiry ON calendar.watch_channels (expires_at);
CREATE INDEX watch_channels_connection ON calendar.watch_channels (connection_id);
