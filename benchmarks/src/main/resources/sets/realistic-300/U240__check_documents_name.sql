ALTER TABLE documents
    DROP CONSTRAINT documents_sort_order_positive,
    DROP CONSTRAINT documents_label_not_blank;
