ALTER TABLE users
    ADD CONSTRAINT users_label_not_blank CHECK (btrim(title) <> ''),
    ADD CONSTRAINT users_sort_order_positive CHECK (sort_order >= 0);
