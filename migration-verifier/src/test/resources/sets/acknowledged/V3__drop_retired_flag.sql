-- verified-schema: irreversible
-- verified-schema:disable missing-lock-timeout
-- The flag is meaningless once retired plans are gone.
ALTER TABLE plans DROP COLUMN retired;
