ALTER TABLE subscriptions DROP COLUMN status;
DROP TYPE subscription_status;
