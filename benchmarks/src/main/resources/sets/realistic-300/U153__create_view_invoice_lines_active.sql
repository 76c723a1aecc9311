DROP VIEW invoice_lines_active;
