-- PostgreSQL cannot drop an enum value: build the type again without it
ALTER TYPE document_status RENAME TO document_status_old;
CREATE TYPE document_status AS ENUM ('new', 'confirmed', 'cancelled');
ALTER TABLE documents ALTER COLUMN status DROP DEFAULT;
ALTER TABLE documents ALTER COLUMN status TYPE document_status USING status::text::document_status;
ALTER TABLE documents ALTER COLUMN status SET DEFAULT 'new';
DROP TYPE document_status_old;
