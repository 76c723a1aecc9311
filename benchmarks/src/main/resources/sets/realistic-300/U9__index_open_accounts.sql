DROP INDEX accounts_open_created_idx;
