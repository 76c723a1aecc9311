ALTER TABLE subscriptions ALTER COLUMN sort_order TYPE smallint;
