-- PostgreSQL cannot drop an enum value: build the type again without it
ALTER TYPE webhook_status RENAME TO webhook_status_old;
CREATE TYPE webhook_status AS ENUM ('draft', 'active', 'closed');
ALTER TABLE webhooks ALTER COLUMN status DROP DEFAULT;
ALTER TABLE webhooks ALTER COLUMN status TYPE webhook_status USING status::text::webhook_status;
ALTER TABLE webhooks ALTER COLUMN status SET DEFAULT 'draft';
DROP TYPE webhook_status_old;
