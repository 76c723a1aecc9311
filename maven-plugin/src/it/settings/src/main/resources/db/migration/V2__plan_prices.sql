-- a backfill that needs the plans the fixtures of V1 load: without them it stops the migration
ALTER TABLE plans ADD COLUMN price_cents bigint NOT NULL DEFAULT 0;
DO $$
BEGIN
    IF (SELECT count(*) FROM plans) = 0 THEN
        RAISE EXCEPTION 'no plans to price: the fixtures of V1 were not loaded';
    END IF;
END $$;
UPDATE plans SET price_cents = 900 WHERE name = 'team';
