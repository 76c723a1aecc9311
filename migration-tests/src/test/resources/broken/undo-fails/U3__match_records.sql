-- U3: undo V3 -- BROKEN ON PURPOSE: the table name has a typo (hm_match_record, no final s),
-- so this statement fails.

DROP TABLE hm_match_record;
