CREATE TYPE subscription_status AS ENUM ('pending', 'running', 'done', 'failed');

ALTER TABLE subscriptions ADD COLUMN status subscription_status NOT NULL DEFAULT 'pending';
