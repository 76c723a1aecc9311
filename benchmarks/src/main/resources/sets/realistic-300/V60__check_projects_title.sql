ALTER TABLE projects
    ADD CONSTRAINT projects_label_not_blank CHECK (btrim(title) <> ''),
    ADD CONSTRAINT projects_sort_order_positive CHECK (sort_order >= 0);
