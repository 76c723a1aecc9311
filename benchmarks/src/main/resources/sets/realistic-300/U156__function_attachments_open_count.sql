DROP FUNCTION attachments_open_count(bigint);
