DROP INDEX invoices_lower_label_idx;
