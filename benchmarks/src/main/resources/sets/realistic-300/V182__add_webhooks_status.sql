CREATE TYPE webhook_status AS ENUM ('draft', 'active', 'closed');

ALTER TABLE webhooks ADD COLUMN status webhook_status NOT NULL DEFAULT 'draft';
