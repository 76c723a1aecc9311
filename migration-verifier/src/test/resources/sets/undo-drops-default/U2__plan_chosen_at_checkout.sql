-- puts NOT NULL back, forgets V1's default 'free'
UPDATE billing_accounts SET plan = 'free' WHERE plan IS NULL;
ALTER TABLE billing_accounts ALTER COLUMN plan SET NOT NULL;
