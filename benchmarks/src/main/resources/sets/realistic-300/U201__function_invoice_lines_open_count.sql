DROP FUNCTION invoice_lines_open_count(bigint);
