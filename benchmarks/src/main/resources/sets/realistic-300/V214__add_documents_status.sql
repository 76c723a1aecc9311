CREATE TYPE document_status AS ENUM ('new', 'confirmed', 'cancelled');

ALTER TABLE documents ADD COLUMN status document_status NOT NULL DEFAULT 'new';
