ALTER TABLE sprint_goals
    ADD CONSTRAINT sprint_goals_label_not_blank CHECK (btrim(name) <> ''),
    ADD CONSTRAINT sprint_goals_sort_order_positive CHECK (sort_order >= 0);
