-- U2: undo V2 exactly.
-- Dropping each table drops its identity sequence, primary key, foreign key and check with it.
-- users is untouched (the foreign keys live on the dropped tables), so its rows survive.

DROP TABLE hm_transactions;
DROP TABLE hm_usage_records;
