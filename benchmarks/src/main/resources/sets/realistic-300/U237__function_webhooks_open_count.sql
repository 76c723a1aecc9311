DROP FUNCTION webhooks_open_count(bigint);
