DROP FUNCTION documents_open_count(bigint);
