-- V7: record the currency of each transaction.
-- BROKEN ON PURPOSE: NOT NULL without a default cannot be added to a table that has rows.

ALTER TABLE hm_transactions ADD COLUMN currency varchar(3) NOT NULL;
