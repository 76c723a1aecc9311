ALTER TABLE api_keys
    DROP CONSTRAINT api_keys_sort_order_positive,
    DROP CONSTRAINT api_keys_label_not_blank;
