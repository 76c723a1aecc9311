ALTER TABLE payments
    ADD CONSTRAINT payments_label_not_blank CHECK (btrim(title) <> ''),
    ADD CONSTRAINT payments_sort_order_positive CHECK (sort_order >= 0);
