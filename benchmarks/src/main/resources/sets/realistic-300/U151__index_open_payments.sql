DROP INDEX payments_open_invoice_idx;
