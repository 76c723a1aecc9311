ALTER TABLE projects
    DROP CONSTRAINT projects_sort_order_positive,
    DROP CONSTRAINT projects_label_not_blank;
