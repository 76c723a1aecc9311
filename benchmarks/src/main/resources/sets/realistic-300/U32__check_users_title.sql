ALTER TABLE users
    DROP CONSTRAINT users_sort_order_positive,
    DROP CONSTRAINT users_label_not_blank;
