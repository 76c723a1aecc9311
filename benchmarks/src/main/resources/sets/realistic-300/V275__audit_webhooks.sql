CREATE TRIGGER webhooks_audit
    AFTER INSERT OR UPDATE OR DELETE ON webhooks
    FOR EACH ROW
    EXECUTE FUNCTION audit_row_change();
