CREATE TRIGGER invoice_lines_audit
    AFTER INSERT OR UPDATE OR DELETE ON invoice_lines
    FOR EACH ROW
    EXECUTE FUNCTION audit_row_change();
