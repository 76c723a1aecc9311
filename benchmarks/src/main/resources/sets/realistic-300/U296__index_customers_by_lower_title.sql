DROP INDEX customers_lower_label_idx;
