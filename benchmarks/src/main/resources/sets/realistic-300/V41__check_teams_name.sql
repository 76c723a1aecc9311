ALTER TABLE teams
    ADD CONSTRAINT teams_label_not_blank CHECK (btrim(name) <> ''),
    ADD CONSTRAINT teams_sort_order_positive CHECK (sort_order >= 0);
