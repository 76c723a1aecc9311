-- PostgreSQL cannot drop an enum value: build the type again without it
ALTER TYPE user_status RENAME TO user_status_old;
CREATE TYPE user_status AS ENUM ('pending', 'running', 'done', 'failed');
ALTER TABLE users ALTER COLUMN status DROP DEFAULT;
ALTER TABLE users ALTER COLUMN status TYPE user_status USING status::text::user_status;
ALTER TABLE users ALTER COLUMN status SET DEFAULT 'pending';
DROP TYPE user_status_old;
