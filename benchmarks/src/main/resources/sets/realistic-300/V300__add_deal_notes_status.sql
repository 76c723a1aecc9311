CREATE TYPE deal_note_status AS ENUM ('open', 'in_review', 'resolved');

ALTER TABLE deal_notes ADD COLUMN status deal_note_status NOT NULL DEFAULT 'open';
