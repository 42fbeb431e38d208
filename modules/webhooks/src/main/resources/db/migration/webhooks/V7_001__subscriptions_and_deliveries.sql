-- The webhooks module's schema: the teams' subscriptions, one delivery per event and
-- subscription, and every attempt at it. modules/webhooks/README.md explains the flow.
CREATE SCHEMA IF NOT EXISTS webhooks;

CREATE TABLE webhooks.subscriptions (
    id                          uuid PRIMARY KEY,
    team_id                     uuid NOT NULL,
    url                         text NOT NULL,
    -- Event names or patterns: '*' stands for one word, or for the rest when it comes last.
    events                      text[] NOT NULL CHECK (cardinality(events) > 0),
    description                 text,
    active                      boolean NOT NULL DEFAULT true,
    -- Why Nightshift turned it off: 'gone' (the endpoint answered 410) or 'failing'.
    disabled_reason             text,
    -- Sealed with the platform's SecretBox; the previous secret signs too until it expires.
    secret_sealed               text NOT NULL,
    previous_secret_sealed      text,
    previous_secret_expires_at  timestamptz,
    -- Deliveries that failed for good in a row; a success sets it back to 0.
    consecutive_failures        int NOT NULL DEFAULT 0,
    -- A webhook-deliver run is queued for this subscription and will look at everything due: a
    -- new delivery needs no run of its own. The run clears it when it starts.
    drain_requested             boolean NOT NULL DEFAULT false,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    updated_at                  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX subscriptions_team ON webhooks.subscriptions (team_id, created_at, id);

CREATE TABLE webhooks.deliveries (
    -- UUIDv7, also the webhook-id header: a receiver deduplicates retries by it.
    id               uuid PRIMARY KEY,
    team_id          uuid NOT NULL,
    subscription_id  uuid NOT NULL REFERENCES webhooks.subscriptions ON DELETE CASCADE,
    -- NULL for a ping.
    event_id         uuid,
    event_name       text NOT NULL,
    -- The exact bytes every attempt sends and signs.
    body             text NOT NULL,
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    -- Every attempt ever; round_attempts counts those since it was made or last redelivered.
    attempts         int NOT NULL DEFAULT 0,
    round_attempts   int NOT NULL DEFAULT 0,
    -- When a pending delivery is due: now when made, later after a failed attempt.
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_status_code int,
    last_error       text,
    -- The webhook-deliver run that tried it last.
    run_id           uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    -- An event redelivered by the engine's relay makes no second delivery.
    UNIQUE (subscription_id, event_id)
);

-- Lists are newest first by id, which is time-ordered.
CREATE INDEX deliveries_team ON webhooks.deliveries (team_id, id);
CREATE INDEX deliveries_subscription ON webhooks.deliveries (subscription_id, id);
-- What a subscription's run delivers next, in order.
CREATE INDEX deliveries_due ON webhooks.deliveries (subscription_id, next_attempt_at, id)
    WHERE status = 'pending';
CREATE INDEX deliveries_failed ON webhooks.deliveries (subscription_id, created_at)
    WHERE status = 'failed';
CREATE INDEX deliveries_finished ON webhooks.deliveries (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE webhooks.delivery_attempts (
    id                  uuid PRIMARY KEY,
    delivery_id         uuid NOT NULL REFERENCES webhooks.deliveries ON DELETE CASCADE,
    attempted_at        timestamptz NOT NULL,
    duration_ms         int NOT NULL,
    url                 text NOT NULL,
    status_code         int,
    response_headers    jsonb,
    -- The first bytes of the answer, up to nightshift.webhooks.response-body-limit.
    response_body       text,
    response_truncated  boolean NOT NULL DEFAULT false,
    error               text
);

CREATE INDEX delivery_attempts_delivery ON webhooks.delivery_attempts (delivery_id, attempted_at);
