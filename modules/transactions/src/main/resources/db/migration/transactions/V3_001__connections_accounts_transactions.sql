-- The transactions module's schema: bank connections, their accounts, and the transactions synced
-- from them. modules/transactions/README.md describes each column's source per provider.
CREATE SCHEMA IF NOT EXISTS transactions;

CREATE TABLE transactions.bank_connections (
    id                  uuid PRIMARY KEY,
    team_id             uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    provider            text NOT NULL,
    institution_id      text,
    institution_name    text,
    -- Plaid item, GoCardless requisition, Teller enrollment, sandbox seed: not secret.
    reference           text,
    -- The provider's access token, encrypted (platform SecretBox, bound to the connection's id).
    access_token_sealed text,
    status              text NOT NULL DEFAULT 'CONNECTED' CHECK (status IN ('CONNECTED', 'DISCONNECTED')),
    last_synced_at      timestamptz,
    last_error          text,
    error_count         int NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX bank_connections_team ON transactions.bank_connections (team_id, created_at, id);
-- Provider webhooks name the item or enrollment.
CREATE INDEX bank_connections_reference ON transactions.bank_connections (provider, reference);

CREATE TABLE transactions.bank_accounts (
    id                  uuid PRIMARY KEY,
    team_id             uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    connection_id       uuid NOT NULL REFERENCES transactions.bank_connections (id) ON DELETE CASCADE,
    provider_account_id text NOT NULL,
    name                text NOT NULL,
    type                text NOT NULL,
    currency            text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    balance             numeric(19, 4),
    available_balance   numeric(19, 4),
    enabled             boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (connection_id, provider_account_id)
);

CREATE INDEX bank_accounts_team ON transactions.bank_accounts (team_id, created_at, id);

CREATE TABLE transactions.transactions (
    id           uuid PRIMARY KEY,
    team_id      uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    account_id   uuid NOT NULL REFERENCES transactions.bank_accounts (id) ON DELETE CASCADE,
    -- <provider>:<provider transaction id>: a sync upserts by it, so nothing is duplicated.
    internal_id  text NOT NULL,
    date         date NOT NULL,
    -- Signed: negative is money out of the account.
    amount       numeric(19, 4) NOT NULL,
    currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    name         text NOT NULL,
    description  text,
    merchant     text,
    counterparty text,
    category     text,
    method       text NOT NULL,
    status       text NOT NULL CHECK (status IN ('PENDING', 'POSTED')),
    balance      numeric(19, 4),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (team_id, internal_id)
);

-- Lists read newest first per team, and per account.
CREATE INDEX transactions_team_date ON transactions.transactions (team_id, date DESC, id DESC);
CREATE INDEX transactions_account_date ON transactions.transactions (account_id, date DESC, id DESC);
