-- A transaction pays one document: two items linked to the same transaction (the same invoice
-- sent twice, say) would both claim it. Matching leaves linked transactions out, and this keeps two
-- concurrent runs from linking one twice: the second fails, is retried, and sees it taken.
CREATE UNIQUE INDEX items_one_per_transaction ON inbox.items (team_id, transaction_id)
    WHERE match_status = 'MATCHED';
