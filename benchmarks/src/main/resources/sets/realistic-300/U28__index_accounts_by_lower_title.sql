DROP INDEX accounts_lower_label_idx;
