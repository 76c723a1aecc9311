DROP INDEX documents_lower_label_idx;
