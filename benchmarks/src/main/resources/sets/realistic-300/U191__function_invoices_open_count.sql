DROP FUNCTION invoices_open_count(bigint);
