CREATE TYPE user_status AS ENUM ('pending', 'running', 'done', 'failed');

ALTER TABLE users ADD COLUMN status user_status NOT NULL DEFAULT 'pending';
