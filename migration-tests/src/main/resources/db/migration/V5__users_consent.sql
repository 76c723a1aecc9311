-- V5: data-storage consent on users.
-- The app model gained these two columns, but no migration added them to the shared users
-- table; every billing query then failed silently (the 2026-01-27 outage). This is the
-- migration that should have existed. Existing users have not consented: false, no timestamp.

-- users is live and shared with the website: never wait long for its lock.
SET LOCAL lock_timeout = '5s';

ALTER TABLE users
    ADD COLUMN consent_data_storage boolean NOT NULL DEFAULT false,
    ADD COLUMN consent_updated_at   timestamp;
