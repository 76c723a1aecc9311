DROP VIEW documents_overview;
