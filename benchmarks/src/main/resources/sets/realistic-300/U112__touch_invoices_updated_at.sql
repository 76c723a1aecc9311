DROP TRIGGER invoices_set_updated_at ON invoices;
