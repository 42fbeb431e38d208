-- The platform's schema: teams and their API keys.
CREATE SCHEMA IF NOT EXISTS platform;

CREATE TABLE platform.teams (
    id         uuid PRIMARY KEY,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    slug       text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX teams_created_at_id ON platform.teams (created_at, id);

-- Only the SHA-256 digest of a key is kept; the secret is shown once when it is issued.
CREATE TABLE platform.api_keys (
    id          uuid PRIMARY KEY,
    team_id     uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    name        text NOT NULL,
    prefix      text NOT NULL,
    secret_hash bytea NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

CREATE INDEX api_keys_team_id ON platform.api_keys (team_id, created_at, id);
