-- U5: undo V5 exactly: drop both consent columns. Every other column, and so every row's
-- data, of users is left alone.

ALTER TABLE users
    DROP COLUMN consent_updated_at,
    DROP COLUMN consent_data_storage;
