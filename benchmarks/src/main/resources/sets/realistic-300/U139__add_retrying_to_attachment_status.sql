-- PostgreSQL cannot drop an enum value: build the type again without it
ALTER TYPE attachment_status RENAME TO attachment_status_old;
CREATE TYPE attachment_status AS ENUM ('pending', 'running', 'done', 'failed');
ALTER TABLE attachments ALTER COLUMN status DROP DEFAULT;
ALTER TABLE attachments ALTER COLUMN status TYPE attachment_status USING status::text::attachment_status;
ALTER TABLE attachments ALTER COLUMN status SET DEFAULT 'pending';
DROP TYPE attachment_status_old;
