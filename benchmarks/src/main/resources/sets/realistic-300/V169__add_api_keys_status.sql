CREATE TYPE api_key_status AS ENUM ('new', 'confirmed', 'cancelled');

ALTER TABLE api_keys ADD COLUMN status api_key_status NOT NULL DEFAULT 'new';
