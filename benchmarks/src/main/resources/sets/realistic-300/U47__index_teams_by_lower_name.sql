DROP INDEX teams_lower_label_idx;
