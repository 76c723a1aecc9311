-- U7: undo V7 exactly: drop the column.

ALTER TABLE hm_transactions DROP COLUMN currency;
