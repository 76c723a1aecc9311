ALTER TABLE attachments
    ADD CONSTRAINT attachments_label_not_blank CHECK (btrim(name) <> ''),
    ADD CONSTRAINT attachments_sort_order_positive CHECK (sort_order >= 0);
