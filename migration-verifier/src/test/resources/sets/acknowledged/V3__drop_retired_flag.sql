-- verified-schema: irreversible
-- The flag is meaningless once retired plans are gone.
ALTER TABLE plans DROP COLUMN retired;
