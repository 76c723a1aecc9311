ALTER TABLE time_entries
    DROP CONSTRAINT time_entries_sort_order_positive,
    DROP CONSTRAINT time_entries_label_not_blank;
