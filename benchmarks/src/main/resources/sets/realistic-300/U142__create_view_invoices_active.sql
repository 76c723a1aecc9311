DROP VIEW invoices_active;
