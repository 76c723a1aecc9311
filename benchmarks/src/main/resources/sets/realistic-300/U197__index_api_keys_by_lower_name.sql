DROP INDEX api_keys_lower_label_idx;
