ALTER TABLE attachments
    DROP CONSTRAINT attachments_sort_order_positive,
    DROP CONSTRAINT attachments_label_not_blank;
