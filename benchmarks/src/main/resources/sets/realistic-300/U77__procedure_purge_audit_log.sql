DROP PROCEDURE purge_audit_log(timestamptz, integer);
