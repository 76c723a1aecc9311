ALTER TABLE plans ADD COLUMN price_cents bigint NOT NULL DEFAULT 0;
UPDATE plans SET price_cents = 900 WHERE name = 'team';
