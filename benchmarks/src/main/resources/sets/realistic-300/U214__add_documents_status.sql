ALTER TABLE documents DROP COLUMN status;
DROP TYPE document_status;
