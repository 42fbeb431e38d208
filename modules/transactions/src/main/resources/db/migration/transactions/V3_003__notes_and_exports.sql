-- A person's note on a transaction, and when an export first held it. Both columns are nullable
-- without a default, so adding them rewrites nothing, however large the table. The note's length
-- (at most 2,000 characters) is checked by the API: a CHECK here would scan the whole table while
-- holding its lock.
ALTER TABLE transactions.transactions
    ADD COLUMN note        text,
    -- Set by transactions-mark-exported when export.completed arrives; never moved once set.
    ADD COLUMN exported_at timestamptz;

-- No new index. An export pages through a team's transactions with (date, id) < (?, ?) ordered
-- by date DESC, id DESC: transactions_team_date (team_id, date DESC, id DESC) answers each page
-- with one index range scan that stops at the page's limit (5,000 rows of a team of 1,000,000 in
-- 5 to 8 ms; docs/benchmarks.md, Transactions: export pages), and marking exported walks the same
-- order. The selection's other conditions (accounts, status, exported_at IS NULL) filter the rows
-- that scan visits, so an export of the few rows not exported yet among many that are scans the
-- team's rows once over all its pages: about 0.5 s per million rows. A partial index WHERE
-- exported_at IS NULL would make that 1 ms, but every row every sync inserts would pay for it,
-- and the ingest is the path with the least margin (docs/benchmarks.md, Transactions).
