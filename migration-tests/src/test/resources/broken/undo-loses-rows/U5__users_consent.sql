-- U5: undo V5 -- BROKEN ON PURPOSE: the consent columns are dropped correctly, but the old
-- free_quota default is "restored" by dropping and re-adding the column with its V1 definition
-- (type, NOT NULL, default 0 and the users_free_quota_check constraint) instead of
-- ALTER COLUMN free_quota SET DEFAULT 0. The schema ends up identical (only the column's
-- position changes, which snapshots ignore), but every user's remaining free quota is lost.

ALTER TABLE users
    DROP COLUMN consent_updated_at,
    DROP COLUMN consent_data_storage;

ALTER TABLE users DROP COLUMN free_quota;
ALTER TABLE users ADD COLUMN free_quota integer NOT NULL DEFAULT 0
    CONSTRAINT users_free_quota_check CHECK (free_quota >= 0);
