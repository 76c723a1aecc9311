CREATE TYPE customer_status AS ENUM ('active', 'suspended');
ALTER TABLE customers ADD COLUMN status customer_status NOT NULL DEFAULT 'active';
