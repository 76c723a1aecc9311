ALTER TABLE sprints
    DROP CONSTRAINT sprints_sort_order_positive,
    DROP CONSTRAINT sprints_label_not_blank;
