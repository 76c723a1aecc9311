DROP FUNCTION api_keys_open_count(bigint);
