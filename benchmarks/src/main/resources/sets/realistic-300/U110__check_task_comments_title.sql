ALTER TABLE task_comments
    DROP CONSTRAINT task_comments_sort_order_positive,
    DROP CONSTRAINT task_comments_label_not_blank;
