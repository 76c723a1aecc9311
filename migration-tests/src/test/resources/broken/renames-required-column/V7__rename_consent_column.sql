-- V7: rename users.consent_data_storage to consent_storage, "for brevity".
-- BROKEN ON PURPOSE: the match service (and the contract) still need consent_data_storage.

ALTER TABLE users RENAME COLUMN consent_data_storage TO consent_storage;
