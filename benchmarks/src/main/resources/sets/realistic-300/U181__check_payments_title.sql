ALTER TABLE payments
    DROP CONSTRAINT payments_sort_order_positive,
    DROP CONSTRAINT payments_label_not_blank;
