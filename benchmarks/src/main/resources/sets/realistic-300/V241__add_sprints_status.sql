CREATE TYPE sprint_status AS ENUM ('pending', 'running', 'done', 'failed');

ALTER TABLE sprints ADD COLUMN status sprint_status NOT NULL DEFAULT 'pending';
