ALTER TABLE sprint_goals
    DROP CONSTRAINT sprint_goals_sort_order_positive,
    DROP CONSTRAINT sprint_goals_label_not_blank;
