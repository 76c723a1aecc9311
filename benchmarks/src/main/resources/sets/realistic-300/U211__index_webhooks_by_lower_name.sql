DROP INDEX webhooks_lower_label_idx;
