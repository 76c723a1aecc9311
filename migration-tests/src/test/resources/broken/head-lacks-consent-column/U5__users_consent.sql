-- U5: undo V5 exactly: drop the one column it added.

ALTER TABLE users
    DROP COLUMN consent_data_storage;
