DROP INDEX labels_lower_label_idx;
