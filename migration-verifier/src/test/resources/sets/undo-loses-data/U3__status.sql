DROP FUNCTION touch();
ALTER TABLE accounts DROP COLUMN nickname;
ALTER TABLE orders DROP COLUMN status;
DROP TYPE order_status;
ALTER TABLE accounts DROP COLUMN created_at;
ALTER TABLE accounts ADD COLUMN created_at timestamp NOT NULL DEFAULT now();
CREATE INDEX accounts_created_idx ON accounts (created_at);
