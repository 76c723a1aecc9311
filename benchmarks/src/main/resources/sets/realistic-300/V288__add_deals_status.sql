CREATE TYPE deal_status AS ENUM ('pending', 'running', 'done', 'failed');

ALTER TABLE deals ADD COLUMN status deal_status NOT NULL DEFAULT 'pending';
