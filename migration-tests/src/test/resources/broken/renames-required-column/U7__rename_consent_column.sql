-- U7: undo V7 exactly: give the column its old name back.

ALTER TABLE users RENAME COLUMN consent_storage TO consent_data_storage;
