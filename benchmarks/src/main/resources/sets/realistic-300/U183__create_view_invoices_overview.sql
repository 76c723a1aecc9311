DROP VIEW invoices_overview;
