DROP FUNCTION invoice_label(invoices);
DROP TABLE invoices;
DROP TABLE billing_accounts;
