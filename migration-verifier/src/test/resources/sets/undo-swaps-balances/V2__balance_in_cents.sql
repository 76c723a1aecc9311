ALTER TABLE wallets ADD COLUMN balance_cents bigint;
UPDATE wallets SET balance_cents = (balance * 100)::bigint;
ALTER TABLE wallets ALTER COLUMN balance_cents SET NOT NULL;
ALTER TABLE wallets DROP COLUMN balance;
