ALTER TABLE api_keys
    ADD CONSTRAINT api_keys_label_not_blank CHECK (btrim(name) <> ''),
    ADD CONSTRAINT api_keys_sort_order_positive CHECK (sort_order >= 0);
