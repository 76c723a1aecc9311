DROP INDEX api_keys_open_user_idx;
