ALTER TABLE subscriptions
    ADD CONSTRAINT subscriptions_label_not_blank CHECK (btrim(name) <> ''),
    ADD CONSTRAINT subscriptions_sort_order_positive CHECK (sort_order >= 0);
