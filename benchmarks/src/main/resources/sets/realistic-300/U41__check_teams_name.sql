ALTER TABLE teams
    DROP CONSTRAINT teams_sort_order_positive,
    DROP CONSTRAINT teams_label_not_blank;
