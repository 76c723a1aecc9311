-- PostgreSQL cannot drop an enum value: build the type again without it
ALTER TYPE api_key_status RENAME TO api_key_status_old;
CREATE TYPE api_key_status AS ENUM ('new', 'confirmed', 'cancelled');
ALTER TABLE api_keys ALTER COLUMN status DROP DEFAULT;
ALTER TABLE api_keys ALTER COLUMN status TYPE api_key_status USING status::text::api_key_status;
ALTER TABLE api_keys ALTER COLUMN status SET DEFAULT 'new';
DROP TYPE api_key_status_old;
