ALTER TABLE accounts DROP COLUMN country_code;
