DROP TRIGGER invoices_audit ON invoices;
