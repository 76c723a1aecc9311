ALTER TABLE contacts
    ADD CONSTRAINT contacts_label_not_blank CHECK (btrim(title) <> ''),
    ADD CONSTRAINT contacts_sort_order_positive CHECK (sort_order >= 0);
