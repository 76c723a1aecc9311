ALTER TABLE task_comments
    ADD CONSTRAINT task_comments_label_not_blank CHECK (btrim(title) <> ''),
    ADD CONSTRAINT task_comments_sort_order_positive CHECK (sort_order >= 0);
