-- The inbox asks for a team's posted transactions of one exact amount within a few weeks
-- (MatchCandidates): this index answers it with a short range scan whatever the team's size.
-- Pending transactions are left out, as the inbox never matches them (a provider may re-id one when
-- it posts), which also keeps the index smaller.
CREATE INDEX transactions_match_candidates ON transactions.transactions (team_id, amount, date)
    WHERE status = 'POSTED';
