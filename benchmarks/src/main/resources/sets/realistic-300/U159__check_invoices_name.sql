ALTER TABLE invoices
    DROP CONSTRAINT invoices_sort_order_positive,
    DROP CONSTRAINT invoices_label_not_blank;
