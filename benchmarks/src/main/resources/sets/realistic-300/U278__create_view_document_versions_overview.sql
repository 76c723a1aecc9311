DROP VIEW document_versions_overview;
