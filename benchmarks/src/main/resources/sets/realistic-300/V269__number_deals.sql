CREATE SEQUENCE deal_number_seq AS bigint START WITH 1000;
ALTER TABLE deals ADD COLUMN number bigint NOT NULL DEFAULT nextval('deal_number_seq');
ALTER SEQUENCE deal_number_seq OWNED BY deals.number;
ALTER TABLE deals ADD CONSTRAINT deals_number_key UNIQUE (number);
