ALTER TABLE sprints
    ADD CONSTRAINT sprints_label_not_blank CHECK (btrim(title) <> ''),
    ADD CONSTRAINT sprints_sort_order_positive CHECK (sort_order >= 0);
