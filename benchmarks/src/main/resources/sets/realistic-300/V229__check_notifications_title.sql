ALTER TABLE notifications
    ADD CONSTRAINT notifications_label_not_blank CHECK (btrim(title) <> ''),
    ADD CONSTRAINT notifications_sort_order_positive CHECK (sort_order >= 0);
