-- U5: undo V5 -- BROKEN ON PURPOSE: drops consent_data_storage but forgets
-- consent_updated_at, which V5 added in the same statement.

ALTER TABLE users
    DROP COLUMN consent_data_storage;
