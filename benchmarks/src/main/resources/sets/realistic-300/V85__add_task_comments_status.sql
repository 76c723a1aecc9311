CREATE TYPE task_comment_status AS ENUM ('draft', 'active', 'closed');

ALTER TABLE task_comments ADD COLUMN status task_comment_status NOT NULL DEFAULT 'draft';
