ALTER TABLE invoices
    ADD CONSTRAINT invoices_label_not_blank CHECK (btrim(name) <> ''),
    ADD CONSTRAINT invoices_sort_order_positive CHECK (sort_order >= 0);
