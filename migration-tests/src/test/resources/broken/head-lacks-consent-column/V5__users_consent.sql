-- V5: data-storage consent on users.
-- BROKEN ON PURPOSE: adds consent_data_storage but not consent_updated_at, which the app model
-- also has -- exactly the gap that caused the 2026-01-27 billing outage.

ALTER TABLE users
    ADD COLUMN consent_data_storage boolean NOT NULL DEFAULT false;
