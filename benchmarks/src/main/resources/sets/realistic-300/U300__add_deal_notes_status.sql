ALTER TABLE deal_notes DROP COLUMN status;
DROP TYPE deal_note_status;
