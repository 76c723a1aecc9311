DROP VIEW documents_active;
