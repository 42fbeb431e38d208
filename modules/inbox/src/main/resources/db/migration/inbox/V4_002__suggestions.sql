-- Matching's memory: every transaction matching proposed for an inbox item, with its scores, and
-- what became of it. modules/inbox/README.md (Matching) explains the rules.
CREATE TABLE inbox.suggestions (
    inbox_id        uuid NOT NULL REFERENCES inbox.items (id) ON DELETE CASCADE,
    -- A transactions-module id; no foreign key, as modules share no tables.
    transaction_id  uuid NOT NULL,
    team_id         uuid NOT NULL REFERENCES platform.teams (id) ON DELETE CASCADE,
    -- The confidence, 0 to 1, and the four criteria it weighs.
    score           numeric(4, 3) NOT NULL CHECK (score BETWEEN 0 AND 1),
    amount_score    numeric(4, 3) NOT NULL CHECK (amount_score BETWEEN 0 AND 1),
    date_score      numeric(4, 3) NOT NULL CHECK (date_score BETWEEN 0 AND 1),
    currency_score  numeric(4, 3) NOT NULL CHECK (currency_score BETWEEN 0 AND 1),
    vendor_score    numeric(4, 3) NOT NULL CHECK (vendor_score BETWEEN 0 AND 1),
    -- In plain words, for the person who confirms or declines it.
    explanation     text NOT NULL,
    -- DECLINED is never suggested again; UNMATCHED (a link undone) is neither suggested nor linked
    -- again by matching, though a user may still confirm it.
    status          text NOT NULL
                    CHECK (status IN ('PENDING', 'CONFIRMED', 'DECLINED', 'UNMATCHED')),
    -- Who decided last: matching alone (AUTO) or a person (USER).
    how             text NOT NULL CHECK (how IN ('AUTO', 'USER')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (inbox_id, transaction_id)
);

-- The daily no-match ageing looks for every team's old waiting items.
CREATE INDEX items_waiting_since ON inbox.items (created_at)
    WHERE status = 'PROCESSED' AND match_status IN ('UNMATCHED', 'SUGGESTED');
