DROP INDEX users_open_account_idx;
