ALTER TABLE document_versions RENAME COLUMN name TO title;
