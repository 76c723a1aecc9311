ALTER TABLE accounts ADD COLUMN country_code char(2) REFERENCES countries (code);
CREATE INDEX accounts_country_code_idx ON accounts (country_code);
