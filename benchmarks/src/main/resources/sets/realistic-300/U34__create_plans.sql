ALTER TABLE subscriptions DROP COLUMN plan_code;
DROP TABLE plans;
