DROP TABLE document_versions;
