ALTER TABLE subscriptions
    DROP CONSTRAINT subscriptions_sort_order_positive,
    DROP CONSTRAINT subscriptions_label_not_blank;
