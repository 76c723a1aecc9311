ALTER TABLE document_versions RENAME COLUMN title TO name;
