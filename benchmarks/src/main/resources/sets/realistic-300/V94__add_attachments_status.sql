CREATE TYPE attachment_status AS ENUM ('pending', 'running', 'done', 'failed');

ALTER TABLE attachments ADD COLUMN status attachment_status NOT NULL DEFAULT 'pending';
