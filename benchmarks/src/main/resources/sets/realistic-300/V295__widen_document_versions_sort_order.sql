ALTER TABLE document_versions ALTER COLUMN sort_order TYPE integer;
