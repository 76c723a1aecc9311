DROP FUNCTION audit_row_change();
DROP TABLE audit_log;
