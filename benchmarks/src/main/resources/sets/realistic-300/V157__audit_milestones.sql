CREATE TRIGGER milestones_audit
    AFTER INSERT OR UPDATE OR DELETE ON milestones
    FOR EACH ROW
    EXECUTE FUNCTION audit_row_change();
