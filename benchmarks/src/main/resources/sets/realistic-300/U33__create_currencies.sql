ALTER TABLE accounts DROP COLUMN currency_code;
DROP TABLE currencies;
