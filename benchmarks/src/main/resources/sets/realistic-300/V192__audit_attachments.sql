CREATE TRIGGER attachments_audit
    AFTER INSERT OR UPDATE OR DELETE ON attachments
    FOR EACH ROW
    EXECUTE FUNCTION audit_row_change();
