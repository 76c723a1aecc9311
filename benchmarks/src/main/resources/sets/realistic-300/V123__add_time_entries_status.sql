CREATE TYPE time_entry_status AS ENUM ('new', 'confirmed', 'cancelled');

ALTER TABLE time_entries ADD COLUMN status time_entry_status NOT NULL DEFAULT 'new';
