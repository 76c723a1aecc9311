ALTER TABLE time_entries
    ADD CONSTRAINT time_entries_label_not_blank CHECK (btrim(title) <> ''),
    ADD CONSTRAINT time_entries_sort_order_positive CHECK (sort_order >= 0);
