ALTER TABLE notifications
    DROP CONSTRAINT notifications_sort_order_positive,
    DROP CONSTRAINT notifications_label_not_blank;
