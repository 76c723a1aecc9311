ALTER TABLE documents
    ADD CONSTRAINT documents_label_not_blank CHECK (btrim(name) <> ''),
    ADD CONSTRAINT documents_sort_order_positive CHECK (sort_order >= 0);
