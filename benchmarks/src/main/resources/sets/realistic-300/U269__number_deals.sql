ALTER TABLE deals DROP CONSTRAINT deals_number_key;
ALTER TABLE deals DROP COLUMN number;
DROP SEQUENCE IF EXISTS deal_number_seq;
