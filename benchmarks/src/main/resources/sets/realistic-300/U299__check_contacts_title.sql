ALTER TABLE contacts
    DROP CONSTRAINT contacts_sort_order_positive,
    DROP CONSTRAINT contacts_label_not_blank;
