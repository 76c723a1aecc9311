DROP VIEW document_versions_active;
